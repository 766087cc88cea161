import { expect, type Page } from '@playwright/test';

/** /ateliers/nouveau: preparing a workshop. */
export class WorkshopFormScreen {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/ateliers/nouveau');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Préparer un atelier' })).toBeVisible();
  }

  /** `group`: an existing group; `newGroup`: the name of a group to create (it waits for the network). */
  async fill(options: {
    title: string;
    startsAt: string;
    commune: [string, RegExp];
    group?: string;
    newGroup?: string;
    kit: RegExp;
  }) {
    const page = this.page;
    await page.getByLabel('Titre', { exact: true }).fill(options.title);
    await page.getByLabel('Date et heure').fill(options.startsAt);
    const commune = page.getByRole('combobox', { name: /^Commune/ });
    await commune.fill(options.commune[0]);
    const option = page.getByRole('listbox', { name: 'Communes' }).getByRole('option', { name: options.commune[1] });
    await expect(option).toBeVisible();
    await option.click();
    if (options.group) {
      await page.getByLabel('Groupe', { exact: true }).selectOption({ label: `Groupe « ${options.group} »` });
    }
    if (options.newGroup) {
      await page.getByLabel('Groupe', { exact: true }).selectOption({ label: 'Un nouveau groupe…' });
      await page.getByLabel('Nom du nouveau groupe').fill(options.newGroup);
    }
    const kit = page.getByLabel('Kit qui sert d’ordre du jour');
    const label = (await kit.getByRole('option').allTextContents()).find((t) => options.kit.test(t))!;
    await kit.selectOption({ label });
    await page.getByRole('button', { name: 'Construire l’ordre du jour depuis ce kit' }).click();
  }

  step(n: number) {
    return {
      title: this.page.getByLabel(`Titre de l’étape ${n}`),
      question: this.page.getByLabel(`Question posée à la salle (étape ${n})`),
      minutes: this.page.getByLabel(`Durée de l’étape ${n} (minutes)`),
    };
  }

  async save() {
    await this.page.getByRole('button', { name: 'Enregistrer l’atelier' }).click();
  }
}

/** /atelier/:code: a participant's phone. */
export class ParticipantScreen {
  constructor(private readonly page: Page) {}

  async join(name: string) {
    await this.page.getByLabel('Votre nom (facultatif)').fill(name);
    await this.page.getByRole('button', { name: 'Rejoindre l’atelier' }).click();
    await expect(this.page.getByRole('heading', { name: 'Contribuer' })).toBeVisible();
  }

  async post(text: string, kind = 'Idée', need?: string) {
    const form = this.page.locator('form.contribution-form');
    await form.getByRole('radio', { name: kind, exact: true }).check();
    await form.getByLabel('Votre contribution').fill(text);
    if (need) await form.getByLabel('Besoin concerné (facultatif)').selectOption({ label: need });
    await form.getByRole('button', { name: 'Publier' }).click();
    await expect(form.getByLabel('Votre contribution')).toHaveValue('');
  }

  mine() {
    return this.page.getByRole('region', { name: 'Mes contributions' });
  }

  card(text: string) {
    return this.page
      .getByRole('list', { name: 'Contributions de l’étape' })
      .getByRole('listitem')
      .filter({ hasText: text });
  }

  async giveDot(text: string) {
    await this.card(text).getByRole('button', { name: 'Donner une gommette' }).click();
  }
}

/** /ateliers/:id/projection: what the room sees. */
export class ProjectorScreen {
  constructor(private readonly page: Page) {}

  wall() {
    return this.page.getByRole('list', { name: 'Contributions de l’étape' });
  }

  step() {
    return this.page.getByRole('heading', { level: 1 });
  }

  timer() {
    return this.page.getByRole('timer', { name: 'Temps restant pour l’étape' });
  }
}

/** /ateliers/:id/tableau: the facilitator's board. */
export class BoardScreen {
  constructor(private readonly page: Page) {}

  card(text: string) {
    return this.page.locator('.board-card').filter({ hasText: text });
  }

  async select(...texts: string[]) {
    for (const text of texts) await this.card(text).getByRole('checkbox', { name: 'Sélectionner' }).check();
  }
}
