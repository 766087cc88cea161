import { useLayoutEffect } from 'react';
import { ScrollRestoration, useLocation, useNavigationType, type Location } from 'react-router';

const STORAGE_KEY = 'scroll-positions';
/** How long a page going back may take to grow tall enough for its old position. */
const RESTORE_WITHIN_MS = 3000;

const positions: Record<string, number> = (() => {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
})();

function persist(): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(positions));
  } catch {
    // storage full or refused: a reload simply opens at the top
  }
}

/**
 * The history entry a position belongs to. Entries the router did not
 * create (the page as first loaded, a jump to an anchor of the page) all
 * have the key 'default': those are told apart by their address, so a jump
 * to a section is not taken for a return to the page's first position.
 */
function scrollKey(location: Location): string {
  return location.key === 'default' ? `${location.pathname}${location.search}${location.hash}` : location.key;
}

/**
 * Where each page of the history was scrolled to. React Router's
 * ScrollRestoration opens a new page at its top (or at the anchor of a deep
 * link) and puts a page back where it was on back and forward; but our
 * screens fill in from the local database a moment after they mount, so on
 * back the page may still be too short for its old position. Until it is
 * (or the person scrolls themselves), the position is applied again as the
 * page grows.
 */
export function ScrollMemory() {
  const location = useLocation();
  const key = scrollKey(location);
  const navigationType = useNavigationType();

  // A layout effect: the old page's listener is gone before the new page scrolls to its top.
  useLayoutEffect(() => {
    const onScroll = () => {
      positions[key] = window.scrollY;
    };

    const target = navigationType === 'POP' ? positions[key] : undefined;
    let stopRestoring = () => {};
    if (target !== undefined && target > 0) {
      const apply = () => {
        if (Math.abs(window.scrollY - target) < 2) return;
        window.scrollTo(0, target);
      };
      const growth = new ResizeObserver(apply);
      growth.observe(document.body);
      const byHand = () => stopRestoring();
      const timer = setTimeout(byHand, RESTORE_WITHIN_MS);
      const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
      events.forEach((e) => window.addEventListener(e, byHand, { passive: true }));
      stopRestoring = () => {
        growth.disconnect();
        clearTimeout(timer);
        events.forEach((e) => window.removeEventListener(e, byHand));
      };
      apply();
    }
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', persist);
    return () => {
      stopRestoring();
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', persist);
      persist();
    };
  }, [key, navigationType]);

  return <ScrollRestoration getKey={scrollKey} />;
}
