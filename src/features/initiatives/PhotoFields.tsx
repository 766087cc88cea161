import { useState, type ChangeEvent } from 'react';
import { photoStore } from '../../db/photo-store.ts';
import type { InitiativePhoto } from '../../model/initiatives.ts';
import { CAPTION_MAX, PHOTOS_MAX } from '../../model/initiatives/validation.ts';
import { FormError } from '../../ui/FormError.tsx';
import { isQuotaError } from './drafts.ts';
import { errorId, FieldError, QuotaProblem } from './form-parts.tsx';
import { PhotoError, preparePhoto } from './photos.ts';
import { PhotoView } from './PhotoView.tsx';

interface Props {
  id: string;
  photos: InitiativePhoto[];
  /** Called once the photo is stored on the device, never before. */
  onAdd(photo: InitiativePhoto): void;
  onChange(photos: InitiativePhoto[]): void;
  token: string | undefined;
  error?: string;
}

/** Photos: taken or picked, prepared (smaller, without their metadata), kept on the device, then sent. */
export function PhotoFields({ id, photos, onAdd, onChange, token, error }: Props) {
  const [preparing, setPreparing] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [full, setFull] = useState(false);

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setProblem(undefined);
    setFull(false);
    setPreparing(true);
    const known = new Set(photos.map((p) => p.sha256));
    try {
      for (const file of files) {
        if (known.size >= PHOTOS_MAX) {
          setProblem(`Une initiative compte ${PHOTOS_MAX} photos au plus.`);
          break;
        }
        const prepared = await preparePhoto(file);
        if (known.has(prepared.sha256)) {
          setProblem('Cette photo est déjà dans l’initiative.');
          continue;
        }
        const store = await photoStore();
        const bytes = await prepared.blob.arrayBuffer();
        const { sha256, type, width, height } = prepared;
        await store.put({ sha256, type, bytes, width, height });
        known.add(sha256);
        onAdd({ sha256, type, bytes: prepared.bytes, width, height, consent: false });
      }
    } catch (thrown) {
      if (thrown instanceof PhotoError) setProblem(thrown.message);
      else if (isQuotaError(thrown)) setFull(true);
      else setProblem(`La photo n’a pas pu être gardée sur l’appareil (${String(thrown)}). Réessayez.`);
    } finally {
      setPreparing(false);
    }
  };

  const change = (index: number, patch: Partial<InitiativePhoto>) =>
    onChange(photos.map((photo, i) => (i === index ? { ...photo, ...patch } : photo)));

  return (
    <fieldset className="choices photos" aria-describedby={error ? errorId(id) : undefined}>
      <legend>Photos</legend>
      <p className="field-hint">
        Elles sont réduites et débarrassées de leurs métadonnées (position GPS comprise), gardées sur cet appareil, puis
        envoyées dès que possible. {PHOTOS_MAX} photos au plus.
      </p>
      <FieldError id={id} error={error} />
      <div className="actions">
        <label className="button secondary file-button">
          Prendre une photo
          <input
            id={id}
            className="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            disabled={preparing}
            onChange={(e) => void add(e)}
          />
        </label>
        <label className="button secondary file-button">
          Choisir dans la galerie
          <input
            className="visually-hidden"
            type="file"
            accept="image/*"
            multiple
            disabled={preparing}
            onChange={(e) => void add(e)}
          />
        </label>
      </div>
      <p role="status" className="muted">
        {preparing ? 'Préparation de la photo…' : ''}
      </p>
      <FormError message={problem} />
      {full && <QuotaProblem what="La photo n’a pas pu être gardée sur l’appareil (ajoutez-la de nouveau ensuite)" />}
      {photos.length > 0 && (
        <ul className="photo-list" aria-label="Photos de l’initiative">
          {photos.map((photo, i) => (
            <li key={photo.sha256} className="photo-item">
              <PhotoView key={photo.sha256} photo={photo} token={token} alt={photo.caption || `Photo ${i + 1}`} />
              <div className="field">
                <label htmlFor={`${id}-legende-${i}`}>Légende de la photo {i + 1}</label>
                <input
                  id={`${id}-legende-${i}`}
                  type="text"
                  maxLength={CAPTION_MAX}
                  value={photo.caption ?? ''}
                  onChange={(e) => change(i, { caption: e.target.value || undefined })}
                />
              </div>
              <label className="choice" htmlFor={`${id}-accord-${i}`}>
                <input
                  id={`${id}-accord-${i}`}
                  type="checkbox"
                  checked={photo.consent}
                  onChange={(e) => change(i, { consent: e.target.checked })}
                />
                <span>Des personnes sont reconnaissables et ont donné leur accord</span>
              </label>
              <button
                type="button"
                className="button secondary"
                onClick={() => onChange(photos.filter((_, j) => j !== i))}
                aria-label={`Retirer la photo ${i + 1}`}
              >
                Retirer
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
