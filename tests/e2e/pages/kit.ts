import type { Page } from '@playwright/test';

/** The kit reader. */
export class KitPage {
  constructor(private readonly page: Page) {}

  title(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  tableOfContents() {
    return this.page.getByRole('navigation', { name: 'Sommaire' });
  }
}
