import { expect, type Page } from '@playwright/test';

/** /initiatives: drafts, then recorded initiatives with their filters and exports. */
export class InitiativesList {
  constructor(private readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/initiatives${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Initiatives' })).toBeVisible();
  }

  drafts() {
    return this.page.getByRole('list', { name: 'Brouillons' }).getByRole('listitem');
  }

  draft(title: string) {
    return this.drafts().filter({ hasText: title });
  }

  initiatives() {
    return this.page.getByRole('list', { name: 'Initiatives' }).getByRole('listitem');
  }

  initiative(title: string) {
    return this.initiatives().filter({ hasText: title });
  }

  filters() {
    return this.page.getByRole('search', { name: 'Filtrer les initiatives' });
  }

  async resume(title: string) {
    await this.draft(title)
      .getByRole('link', { name: /^Reprendre/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(/Nouvelle initiative|Modifier l’initiative/);
  }
}

/** The initiative form, new or edit. */
export class InitiativeFormScreen {
  constructor(private readonly page: Page) {}

  form() {
    return this.page.getByRole('form', { name: /Nouvelle initiative|Modifier l’initiative/ });
  }

  title() {
    return this.form().getByLabel('Titre');
  }

  description() {
    return this.form().getByLabel('Description');
  }

  commune() {
    return this.form().getByRole('combobox', { name: /Commune/ });
  }

  /** Types in the commune field, then picks the option with the keyboard. */
  async pickCommune(typed: string, option: string | RegExp) {
    await this.commune().fill(typed);
    const listbox = this.page.getByRole('listbox', { name: 'Communes' });
    await expect(listbox.getByRole('option', { name: option })).toBeVisible();
    const options = await listbox.getByRole('option').allTextContents();
    const index = options.findIndex((text) => (typeof option === 'string' ? text.includes(option) : option.test(text)));
    for (let i = 0; i <= index; i++) await this.commune().press('ArrowDown');
    await expect(this.commune()).toHaveAttribute('aria-activedescendant', /-liste-\d+$/);
    await this.commune().press('Enter');
    await expect(listbox).toBeHidden();
  }

  need(label: string) {
    return this.form()
      .getByRole('group', { name: /^Besoins/ })
      .getByRole('checkbox', { name: label });
  }

  sdg(label: string | RegExp) {
    return this.form()
      .getByRole('group', { name: /^Objectifs de développement durable/ })
      .getByRole('checkbox', {
        name: label,
      });
  }

  stage(label: string) {
    return this.form()
      .getByRole('radiogroup', { name: /^Où en est l’initiative/ })
      .getByRole('radio', { name: label });
  }

  visibility() {
    return this.form().getByLabel('Visibilité');
  }

  async addPhotoFromGallery(path: string) {
    await this.form().getByLabel('Choisir dans la galerie').setInputFiles(path);
  }

  photos() {
    return this.form().getByRole('list', { name: 'Photos de l’initiative' }).getByRole('listitem');
  }

  /** The draft's state line: « Brouillon enregistré sur l’appareil à 14:32. » */
  async expectDraftSaved() {
    await expect(
      this.form()
        .getByRole('status')
        .filter({ hasText: /^Brouillon enregistré sur l’appareil/ }),
    ).toBeVisible();
  }

  async save() {
    await this.form().getByRole('button', { name: 'Enregistrer', exact: true }).click();
  }
}
