import { base64url, fromBase64url } from './guest.ts';
import { WORKSHOP_LIMITS, type AgendaStep, type Workshop } from './workshop.ts';

/**
 * What a phone needs to take part in a workshop without reaching the
 * server: carried in the workshop's link (after `#`, so it never goes to a
 * server) and so in its QR code. Deflated JSON, base64url. The phone keeps
 * it on the device; the participation is confirmed with the server at the
 * next connection.
 */
export interface WorkshopInvitation {
  id: string;
  code: string;
  title: string;
  startsAt: string;
  placeName?: string;
  ownerId: string;
  workspaceId: string | null;
  dotsPerParticipant: number;
  steps: Pick<AgendaStep, 'id' | 'title' | 'question' | 'minutes'>[];
  /** The step shown when the code was made (the projector's code follows the room). */
  stepIndex: number;
}

const VERSION = 1;
type Packed = [
  number,
  string,
  string,
  string,
  string,
  string | null,
  number,
  [string, string, string, number][],
  number,
  string?,
  string?,
];

export function invitationOf(workshop: Workshop): WorkshopInvitation {
  return {
    id: workshop.id,
    code: workshop.code,
    title: workshop.title,
    startsAt: workshop.startsAt,
    placeName: workshop.place?.name,
    ownerId: workshop.ownerId,
    workspaceId: workshop.workspaceId,
    dotsPerParticipant: workshop.dotsPerParticipant,
    steps: workshop.steps.map(({ id, title, question, minutes }) => ({ id, title, question, minutes })),
    stepIndex: workshop.run.stepIndex,
  };
}

export async function encodeInvitation(invitation: WorkshopInvitation): Promise<string> {
  const packed: Packed = [
    VERSION,
    invitation.id,
    invitation.code,
    invitation.title,
    invitation.startsAt,
    invitation.workspaceId,
    invitation.dotsPerParticipant,
    invitation.steps.map((s) => [s.id, s.title, s.question, s.minutes]),
    invitation.stepIndex,
    invitation.ownerId,
    invitation.placeName,
  ];
  return base64url(
    await transform(new TextEncoder().encode(JSON.stringify(packed)), new CompressionStream('deflate-raw')),
  );
}

/** The invitation, or undefined when the text is not a valid one (truncated, altered, another version). */
export async function decodeInvitation(text: string): Promise<WorkshopInvitation | undefined> {
  try {
    const json = new TextDecoder().decode(await transform(fromBase64url(text), new DecompressionStream('deflate-raw')));
    const [version, id, code, title, startsAt, workspaceId, dots, steps, stepIndex, ownerId, placeName] = JSON.parse(
      json,
    ) as Packed;
    const isText = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
    if (version !== VERSION || !isText(id, 64) || !isText(code, 8) || !isText(title, WORKSHOP_LIMITS.titleMax)) return;
    if (!isText(ownerId, 64) || !Array.isArray(steps) || steps.length === 0) return;
    if (!Number.isInteger(dots) || !Number.isInteger(stepIndex)) return;
    const parsedSteps = steps.map(([stepId, stepTitle, question, minutes]) => ({
      id: String(stepId),
      title: String(stepTitle),
      question: String(question),
      minutes: Number(minutes),
    }));
    return {
      id,
      code,
      title,
      startsAt: String(startsAt),
      workspaceId: workspaceId ?? null,
      dotsPerParticipant: dots,
      steps: parsedSteps,
      stepIndex: Math.min(Math.max(0, stepIndex), parsedSteps.length - 1),
      ownerId: ownerId!,
      ...(typeof placeName === 'string' ? { placeName } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The participants' link: opens the workshop; what follows `#` lets a phone join offline. */
export function invitationUrl(origin: string, code: string, encoded?: string): string {
  return `${origin}/atelier/${code}${encoded ? `#${encoded}` : ''}`;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer
    .write(bytes as Uint8Array<ArrayBuffer>)
    .then(() => writer.close())
    .catch(() => undefined);
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}
