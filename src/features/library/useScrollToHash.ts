import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** Deep links to a section: once the text is there, bring the section named in the URL into view. */
export function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView();
    const heading = target.querySelector('h2, h3, h4') ?? target;
    if (heading instanceof HTMLElement) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [ready, hash]);
}
