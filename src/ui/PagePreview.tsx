import type { MouseEvent, ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The heading of a text that the server put in the page (sync-server/src/preview.ts),
 * read before the app replaces the page's content.
 */
const preview = (() => {
  const element = document.querySelector<HTMLElement>('[data-preview]');
  if (!element) return undefined;
  const parts = new Map<string, string>();
  for (const part of element.querySelectorAll<HTMLElement>('[data-preview-part]')) {
    parts.set(part.dataset.previewPart!, part.outerHTML);
  }
  return { path: element.dataset.preview!, html: element.outerHTML, parts };
})();

/** Links in the server's markup are plain links: followed by the app's router, not by a page load. */
function useFollowLinks() {
  const navigate = useNavigate();
  return (event: MouseEvent) => {
    const link = (event.target as Element).closest('a');
    if (!link || link.origin !== window.location.origin || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void navigate(link.pathname + link.search + link.hash);
  };
}

/** The screen's last markup on this device, painted by src/main.tsx on a repeat visit. */
const snapshot = (() => {
  const element = document.querySelector<HTMLElement>('[data-snapshot]');
  return element ? { path: element.dataset.snapshot!, html: element.innerHTML } : undefined;
})();

/**
 * While a screen waits (the database opening, its code loading, its text
 * arriving), a text opened from a link keeps showing the heading the server
 * sent, and a screen seen before on this device what it showed then (inert
 * until the live screen replaces it), instead of a blank page; any other
 * screen shows `fallback`.
 */
export function PagePreview({ fallback = null }: { fallback?: ReactNode }) {
  const { pathname } = useLocation();
  const follow = useFollowLinks();
  // Our own server's markup, built from escaped text (no script can be in it).
  if (preview && pathname === preview.path)
    return <div onClick={follow} dangerouslySetInnerHTML={{ __html: preview.html }} />;
  // The app's own markup, as React drew it on this device.
  if (snapshot && pathname === snapshot.path) {
    return (
      <div
        data-snapshot={snapshot.path}
        inert
        aria-busy="true"
        aria-hidden="true"
        dangerouslySetInnerHTML={{ __html: snapshot.html }}
      />
    );
  }
  return <>{fallback}</>;
}

/** One part of the server's page for this address (e.g. the home's needs), while the screen's own is on the way. */
export function PreviewPart({ name, fallback = null }: { name: string; fallback?: ReactNode }) {
  const { pathname } = useLocation();
  const follow = useFollowLinks();
  const html = preview && pathname === preview.path ? preview.parts.get(name) : undefined;
  if (!html) return <>{fallback}</>;
  return <div onClick={follow} dangerouslySetInnerHTML={{ __html: html }} />;
}
