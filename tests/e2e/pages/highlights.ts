import { expect, type Locator, type Page } from '@playwright/test';

/** Highlights in the kit reader: the bar that appears on a selection, and the highlights drawn in the text. */
export class Highlighter {
  constructor(private readonly page: Page) {}

  bar() {
    return this.page.getByRole('form', { name: 'Annoter le passage sélectionné' });
  }

  /** Selects a whole passage, as a triple click or a long press would. */
  async select(passage: Locator) {
    await passage.selectText();
  }

  async highlight(options: { color: string; note?: string; group?: string }) {
    const bar = this.bar();
    await bar.getByLabel(options.color, { exact: true }).check();
    if (options.note) await bar.getByLabel('Note (facultative)').fill(options.note);
    if (options.group) await bar.getByLabel('Visible par').selectOption({ label: `Groupe « ${options.group} »` });
    await bar.getByRole('button', { name: 'Surligner' }).click();
    await expect(bar).toBeHidden(); // saved on the device
  }

  /** The highlight in the text that opens this note (named by its passage, then by what it opens). */
  highlightWithNote(note: string, author?: string) {
    const opens = author ? `ouvrir la note de ${author} : ${note}` : `ouvrir la note : ${note}`;
    return this.page.getByRole('button', { name: new RegExp(` — ${opens.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }

  detached() {
    return this.page.getByRole('list', { name: 'Annotations détachées' });
  }

  groupToggle() {
    return this.page.getByRole('checkbox', { name: /^Afficher les annotations de mes groupes/ });
  }

  /** The keyboard's way: a passage typed into the notes form. */
  async highlightTyped(section: string, passage: string, note: string) {
    const notes = this.page.getByRole('region', { name: 'Mes notes' });
    await notes.getByLabel('Section').selectOption({ label: section });
    await notes.getByLabel('Passage à surligner (facultatif)').fill(passage);
    await notes.getByLabel('Couleur', { exact: true }).selectOption({ label: 'Bleu' });
    await notes.getByLabel('Nouvelle note').fill(note);
    await notes.getByRole('button', { name: 'Enregistrer la note' }).click();
  }
}
