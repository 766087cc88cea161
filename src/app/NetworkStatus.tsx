import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { from, switchMap } from 'rxjs';
import { useDatabase } from '../db/react/DatabaseContext.tsx';
import { useObservable, useOnline } from '../db/react/hooks.ts';
import { summarizeNetwork } from './network-status.ts';

function useNetworkFacts() {
  const reachable = useOnline();
  const { libraryStatus$, sync } = useDatabase();
  const library = useObservable(() => libraryStatus$, [libraryStatus$]);
  const status = useObservable(() => from(sync).pipe(switchMap((engine) => engine.status$)), [sync]);
  return { reachable, library, sync: status };
}

/**
 * On every screen, in the header: hors ligne / téléchargement / synchronisation /
 * envoi refusé / prête hors ligne. Opened, it says what that means and what to do.
 */
export function NetworkStatus() {
  const summary = summarizeNetwork(useNetworkFacts());
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(pathname);
  if (seen !== pathname) {
    setSeen(pathname);
    setOpen(false);
  }
  return (
    <details className={`net-status ${summary.tone}`} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="net-dot" aria-hidden="true" />
        <span role="status">{summary.label}</span>
      </summary>
      <div className="net-detail">
        <p>{summary.detail}</p>
        <p>
          <Link to="/hors-ligne">Stockage hors ligne</Link>
        </p>
      </div>
    </details>
  );
}

/**
 * The library's first download, over the page's foot: its progress, then
 * « Prête hors ligne » once whole. It ends when the download ends; when it
 * stops for want of a network, it says so and can be put away.
 */
export function LibraryProgressBar() {
  const { reachable, library } = useNetworkFacts();
  const [downloadedHere, setDownloadedHere] = useState(false);
  const [hidden, setHidden] = useState(false);
  const { pathname } = useLocation();
  const [seen, setSeen] = useState(pathname);
  if (seen !== pathname) {
    // « Prête hors ligne » is said on the screen where the download ended, not carried along.
    setSeen(pathname);
    if (library?.complete) setDownloadedHere(false);
  }
  if (library && !library.complete && !downloadedHere) setDownloadedHere(true);
  const [seenReachable, setSeenReachable] = useState(reachable);
  if (seenReachable !== reachable) {
    // Put away while the network was out, it comes back when the network does (and the other way round).
    setSeenReachable(reachable);
    setHidden(false);
  }
  if (!library || hidden) return <div className="status-bar" role="status" />;
  let content;
  if (!library.complete) {
    const parts = `${library.partsDone} parties sur ${library.partsTotal}`;
    content = reachable ? (
      <>
        <span>
          Téléchargement de la bibliothèque sur cet appareil : {parts} ({library.documents} documents)…
        </span>
        <progress max={library.partsTotal} value={library.partsDone} aria-label="Bibliothèque téléchargée" />
      </>
    ) : (
      <span>
        Hors ligne : la bibliothèque n’est pas complète sur cet appareil ({parts}). Le téléchargement reprendra au
        retour du réseau.
      </span>
    );
  } else if (downloadedHere) {
    content = <span>Prête hors ligne : toute la bibliothèque est sur cet appareil.</span>;
  }
  return (
    <div className="status-bar" role="status">
      {content}
      {content && (!library.complete || downloadedHere) && (
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setHidden(true);
            if (library.complete) setDownloadedHere(false);
          }}
        >
          OK
        </button>
      )}
    </div>
  );
}
