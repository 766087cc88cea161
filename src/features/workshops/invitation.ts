import { useEffect, useState } from 'react';
import { formatWorkshopCode } from '../../model/workshops/code.ts';
import { encodeInvitation, invitationOf, invitationUrl } from '../../model/workshops/invitation.ts';
import type { Workshop } from '../../model/workshops/workshop.ts';
import { formatStart } from './format.ts';

/** The participants' link, carrying what a phone needs to take part offline; undefined while it is made. */
export function useInvitationUrl(workshop: Workshop | null | undefined): string | undefined {
  const [url, setUrl] = useState<{ key: string; url: string }>();
  const key = workshop ? JSON.stringify([workshop.rev, workshop.run.stepIndex]) : '';
  useEffect(() => {
    if (!workshop) return;
    let current = true;
    void encodeInvitation(invitationOf(workshop)).then(
      (encoded) => current && setUrl({ key, url: invitationUrl(location.origin, workshop.code, encoded) }),
    );
    return () => {
      current = false;
    };
    // The key stands for the workshop's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return url?.key === key ? url.url : undefined;
}

/** The text to send before the day (e-mail, SMS): our own wording. */
export function invitationText(workshop: Workshop, url: string): string {
  return [
    `Vous êtes invité·e à l’atelier « ${workshop.title} », ${formatStart(workshop.startsAt)}${workshop.place ? `, à ${workshop.place.name}` : ''}.`,
    `Ouvrez ce lien avant le jour de l’atelier, quand vous avez du réseau : un téléphone qui n’a jamais ouvert l’application en a besoin une fois. Le lien prépare l’atelier sur votre téléphone, sans compte ni installation ; sur place, vous participerez même si la salle n’a pas de réseau.`,
    url,
    `Sur place, le code de l’atelier est ${formatWorkshopCode(workshop.code)}.`,
  ].join('\n\n');
}
