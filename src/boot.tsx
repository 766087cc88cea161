import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { yieldToBrowser } from './db/yield-to-browser.ts';

/*
 * React's modules run in this task, the app's (React Router, the screens'
 * shell, the routes) in the next: run together, they were one task of a few
 * tens of ms on a slow phone. The entry fetched both chunks already
 * (scripts/first-screen-chunk.ts): only their running waits.
 */
void yieldToBrowser()
  .then(() => import('./app/App.tsx'))
  .then(({ App }) => {
    // A transition: React renders the app in slices and yields to the browser in between, so that
    // its first render is not one long task (the static shell of index.html stays until it is done).
    startTransition(() => {
      createRoot(document.getElementById('root')!).render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    });
  });
