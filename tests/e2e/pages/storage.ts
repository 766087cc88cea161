import type { Page } from '@playwright/test';

/** The offline storage panel. */
export class StoragePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/hors-ligne');
  }

  downloadButton() {
    return this.page.getByRole('button', { name: /Tout télécharger pour le hors-ligne|Reprendre le téléchargement/ });
  }

  progress() {
    return this.page.getByRole('progressbar');
  }

  mediaSummary() {
    return this.page.getByText(/fichiers? sur \d+ téléchargés?/);
  }
}
