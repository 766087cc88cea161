import { useMatches } from 'react-router';

/** What a route says of its screen before the screen itself can render. */
export interface ScreenHandle {
  heading?: string;
}

/**
 * A screen's heading and a waiting line, while the database opens or the
 * screen's code arrives: the page shows where it is at once, and the screen
 * replaces this with the same heading.
 */
export function ScreenShell({ waiting }: { waiting: string }) {
  const heading = useMatches()
    .map((match) => (match.handle as ScreenHandle | undefined)?.heading)
    .findLast((text) => text !== undefined);
  return (
    <>
      {heading && <h1>{heading}</h1>}
      <p className="muted" data-waiting>
        {waiting}
      </p>
    </>
  );
}
