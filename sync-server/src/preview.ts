import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HOME_LEAD, HOME_TITLE, RESOURCE_TYPE_LABELS } from '../../src/model/library-labels.ts';
import type { Need, Resource } from '../../src/model/library.ts';
import { SCREEN_TEXTS, type ScreenText } from '../../src/model/screen-texts.ts';
import { NEED_IDS } from '../../src/model/vocabulary.ts';
import type { Store } from './store/store.ts';

const RESOURCE_PATH = /^\/ressources\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?(?:[?#].*)?$/;
const SHELL_MAIN = /<main class="page">[\s\S]*?<\/main>/;
const TITLE = /<title>[^<]*<\/title>/;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The home's « Partir d'un besoin » list, as the app draws it
 * (src/features/library/HomePage.tsx): on a slow first visit it is there
 * before the app and the library have arrived.
 */
async function needsList(store: Store): Promise<string> {
  const stored = await store.readDocuments('needs', [...NEED_IDS]);
  const needs = [...stored.values()]
    .map((row) => JSON.parse(row.body) as Need & { _deleted?: boolean })
    .filter((need) => !need._deleted)
    .sort((a, b) => a.order - b.order);
  if (needs.length === 0) return '';
  const items = needs.map(
    (need) =>
      `<li class="card need"><h3><a href="/besoins/${escapeHtml(need.id)}">` +
      `<span class="need-number" aria-hidden="true">${need.order}</span>${escapeHtml(need.title)}</a></h3>` +
      `<p>${escapeHtml(need.summary)}</p></li>`,
  );
  return (
    `<section aria-labelledby="besoins" data-preview-part="needs">` +
    `<h2 id="besoins">Partir d'un besoin</h2><ul class="grid needs">${items.join('')}</ul></section>`
  );
}

/** The heading and first paragraph of a screen that has them whatever the data (src/model/screen-texts.ts). */
function screenText(url: string): ScreenText | undefined {
  const path = url.replace(/[?#].*$/, '').replace(/(.)\/$/, '$1');
  return Object.hasOwn(SCREEN_TEXTS, path) ? SCREEN_TEXTS[path as keyof typeof SCREEN_TEXTS] : undefined;
}

/**
 * The app's page for a navigation. The home, or a link to a text, opened on
 * a first visit gets its heading (for a text: type, title, summary; for the
 * home, the needs too) in the page itself, so the reader sees it before the app and the library have
 * arrived; the app shows the same heading until it has the page's content
 * (src/ui/PagePreview.tsx). The screens of src/model/screen-texts.ts get
 * their heading and first paragraph, which the app draws again over them.
 */
export async function appPage(staticDir: string, store: Store, url: string): Promise<string> {
  const page = await readFile(join(staticDir, 'index.html'), 'utf8');
  if (/^\/(?:[?#].*)?$/.test(url)) {
    const home = `<div data-preview="/"><h1>${escapeHtml(HOME_TITLE)}</h1><p class="lead">${escapeHtml(HOME_LEAD)}</p>${await needsList(store)}</div>`;
    return page.replace(SHELL_MAIN, () => `<main class="page">${home}</main>`);
  }
  const screen = screenText(url);
  if (screen) {
    // The app draws the same heading and paragraph over it while it opens (src/app/ScreenShell.tsx).
    const top = `<h1>${escapeHtml(screen.heading)}</h1><p class="lead">${escapeHtml(screen.lead)}</p><p class="muted">Chargement…</p>`;
    return page.replace(SHELL_MAIN, () => `<main class="page">${top}</main>`);
  }
  const match = RESOURCE_PATH.exec(url);
  if (!match) return page;
  const stored = await store.readDocument('resources', match[1]!);
  const resource = stored && (JSON.parse(stored.body) as Resource & { _deleted?: boolean });
  if (!resource || resource._deleted) return page;
  const path = `/ressources/${resource.id}`;
  const preview =
    `<article class="reader" data-preview="${path}">` +
    `<p class="kicker">${escapeHtml(RESOURCE_TYPE_LABELS[resource.type] ?? '')}</p>` +
    `<h1>${escapeHtml(resource.title)}</h1>` +
    `<p class="lead">${escapeHtml(resource.summary)}</p>` +
    `</article>`;
  return page
    .replace(SHELL_MAIN, () => `<main class="page">${preview}</main>`)
    .replace(TITLE, () => `<title>${escapeHtml(resource.title)} — L'innovation territoriale en actions !</title>`);
}
