import { useMatches } from 'react-router';

/** What a route says of its screen before the screen itself can render. */
export interface ScreenHandle {
  heading?: string;
  /** The screen's first paragraph (src/model/screen-texts.ts), when it does not depend on the data. */
  lead?: string;
}

/**
 * A screen's heading, its first paragraph when it has one, and a waiting line, while the database opens or the
 * screen's code arrives: the page shows where it is at once, and the screen
 * replaces this with the same heading.
 */
export function ScreenShell({ waiting }: { waiting: string }) {
  const handle = useMatches()
    .map((match) => match.handle as ScreenHandle | undefined)
    .findLast((h) => h?.heading !== undefined);
  return (
    <>
      {handle?.heading && <h1>{handle.heading}</h1>}
      {handle?.lead && <p className="lead">{handle.lead}</p>}
      <p className="muted" data-waiting>
        {waiting}
      </p>
    </>
  );
}
