import type { ReactNode } from 'react';
import { useLocation } from 'react-router';

/**
 * The heading of a text that the server put in the page (sync-server/src/preview.ts),
 * read before the app replaces the page's content.
 */
const preview = (() => {
  const element = document.querySelector<HTMLElement>('[data-preview]');
  return element ? { path: element.dataset.preview!, html: element.outerHTML } : undefined;
})();

/**
 * While a screen waits (the database opening, its code loading, its text
 * arriving), a text opened from a link keeps showing the heading the server
 * sent, instead of a blank page; any other screen shows `fallback`.
 */
export function PagePreview({ fallback = null }: { fallback?: ReactNode }) {
  const { pathname } = useLocation();
  // Our own server's markup, built from escaped text (no script can be in it).
  if (preview && pathname === preview.path) return <div dangerouslySetInnerHTML={{ __html: preview.html }} />;
  return <>{fallback}</>;
}
