import { useEffect, useState } from 'react';
import { useOnline } from '../../db/react/hooks.ts';
import { photoStore } from '../../db/photo-store.ts';
import type { InitiativePhoto } from '../../model/initiatives.ts';
import { network, serverFetch } from '../../db/network.ts';

type PhotoState =
  | { status: 'loading' }
  | { status: 'ready'; url: string }
  /** Not on this device, and no network to fetch it. */
  | { status: 'offline' }
  | { status: 'signed-out' }
  /** The server does not have it (not sent yet by its author) or does not show it to this user. */
  | { status: 'missing' }
  | { status: 'error' };

const PLACEHOLDERS: Record<Exclude<PhotoState['status'], 'ready'>, string> = {
  loading: 'Chargement de la photo…',
  offline: 'Photo non disponible hors ligne',
  'signed-out': 'Photo non disponible : connectez-vous pour la voir',
  missing: 'Photo pas encore envoyée par son auteur',
  error: 'Photo non disponible pour le moment',
};

/**
 * A photo's bytes: from the device's photo store (works offline on the device
 * that took it); else fetched from the server with the session's token and
 * kept in the store, so it shows offline next time.
 */
async function loadPhoto(photo: InitiativePhoto, token: string | undefined): Promise<PhotoState> {
  const store = await photoStore().catch(() => undefined);
  const stored = await store?.get(photo.sha256).catch(() => undefined);
  const show = (bytes: ArrayBuffer, type: string): PhotoState => ({
    status: 'ready',
    url: URL.createObjectURL(new Blob([bytes], { type })),
  });
  if (stored) return show(stored.bytes, stored.type);
  if (network?.reachable === false) return { status: 'offline' };
  if (!token) return { status: 'signed-out' };
  let response: Response;
  try {
    response = await serverFetch(`/api/v1/blobs/${photo.sha256}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return { status: 'offline' };
  }
  if (response.status === 404) return { status: 'missing' };
  if (!response.ok) return { status: 'error' };
  const bytes = await response.arrayBuffer();
  const type = (response.headers.get('content-type') ?? photo.type).split(';')[0]!;
  // Kept for next time; a full device only means fetching it again then.
  await store
    ?.put(
      { sha256: photo.sha256, type: photo.type, bytes, width: photo.width, height: photo.height },
      { uploaded: true },
    )
    .catch(() => undefined);
  return show(bytes, type);
}

interface Props {
  photo: InitiativePhoto;
  token: string | undefined;
  /** What the photo shows, for people who cannot see it. */
  alt: string;
}

/** One photo of an initiative, or a placeholder that says why it cannot be shown. Use with key={sha256}. */
export function PhotoView({ photo, token, alt }: Props) {
  const online = useOnline();
  const [state, setState] = useState<PhotoState>({ status: 'loading' });
  const { sha256, type, width, height } = photo;
  useEffect(() => {
    let current = true;
    let url: string | undefined;
    void loadPhoto({ sha256, type, width, height, bytes: 1, consent: false }, token).then((next) => {
      if (next.status === 'ready') url = next.url;
      if (current) setState(next);
      else if (url) URL.revokeObjectURL(url);
    });
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
    // `online`: a photo that could not be fetched is tried again when the network returns.
  }, [sha256, type, width, height, token, online]);

  if (state.status === 'ready') {
    return <img className="photo-image" src={state.url} alt={alt} width={photo.width} height={photo.height} />;
  }
  return (
    <div className="photo-placeholder" role="img" aria-label={`${alt} : ${PLACEHOLDERS[state.status]}`}>
      <span aria-hidden="true">{PLACEHOLDERS[state.status]}</span>
    </div>
  );
}
