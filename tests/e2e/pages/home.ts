import { expect, type Page } from '@playwright/test';

/** The library home, as a person sees it. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/');
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'La bibliothèque de la co-construction territoriale' });
  }

  need(title: string) {
    return this.page.getByRole('link', { name: title });
  }

  kits() {
    return this.page.getByRole('region', { name: 'Les kits pratiques' }).getByRole('listitem');
  }

  async expectLibraryLoaded() {
    await expect(this.heading()).toBeVisible();
    await expect(this.need('Connaître son écosystème')).toBeVisible();
    await expect(this.kits()).toHaveCount(5);
  }

  async openKit(title: string) {
    await this.page.getByRole('link', { name: title }).click();
  }
}
