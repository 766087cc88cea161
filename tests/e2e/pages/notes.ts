import { expect, type Page } from '@playwright/test';

/** « Mes notes » at the end of a kit. */
export class NotesPanel {
  constructor(private readonly page: Page) {}

  region() {
    return this.page.getByRole('region', { name: 'Mes notes' });
  }

  list() {
    return this.region().getByRole('list', { name: 'Notes sur ce texte' });
  }

  async add(section: string, text: string) {
    await this.region().getByLabel('Section').selectOption({ label: section });
    await this.region().getByLabel('Nouvelle note').fill(text);
    await this.region().getByRole('button', { name: 'Enregistrer la note' }).click();
    // The form empties once the note and its outbox entry are written: leaving
    // the page before that could abort the outbox write (seen under load).
    await expect(this.region().getByLabel('Nouvelle note')).toHaveValue('');
  }

  async edit(current: string, next: string) {
    await this.list()
      .getByRole('listitem')
      .filter({ hasText: current })
      .getByRole('button', { name: 'Modifier' })
      .click();
    const editing = this.list()
      .getByRole('listitem')
      .filter({ has: this.page.getByLabel('Modifier la note') });
    await editing.getByLabel('Modifier la note').fill(next);
    await editing.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    // Saved on the device once the editor closes on the new text. A test that
    // moved on before could see a change from elsewhere arrive first, and this
    // edit would then be a plain edit of it rather than a concurrent one.
    await expect(this.list().getByLabel('Modifier la note')).toHaveCount(0);
    await expect(this.list().getByText(next, { exact: true })).toBeVisible();
  }
}
