import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';

// A transition: React renders the app in slices and yields to the browser in between, so that
// its first render is not one long task (the static shell of index.html stays until it is done).
startTransition(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
