import { expect, type Page } from '@playwright/test';

export interface Person {
  displayName: string;
  email: string;
  password: string;
}

/** A new person for this run: unique email, so the tests can run again on the same server. */
export function newPerson(displayName: string): Person {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    displayName,
    email: `${displayName.toLowerCase()}.${stamp}@exemple.fr`,
    password: 'une phrase de passe solide',
  };
}

/** /compte: sign in, create an account, sign out. */
export class AccountScreen {
  constructor(private readonly page: Page) {}

  async open(path = '/compte') {
    await this.page.goto(path);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Compte' })).toBeVisible();
  }

  signInForm() {
    return this.page.getByRole('form', { name: 'Se connecter' });
  }

  signUpForm() {
    return this.page.getByRole('form', { name: 'Créer un compte' });
  }

  async register(person: Person) {
    const form = this.signUpForm();
    await form.getByLabel('Nom affiché').fill(person.displayName);
    await form.getByLabel('Adresse e-mail').fill(person.email);
    await form.getByLabel('Mot de passe', { exact: true }).fill(person.password);
    await form.getByRole('button', { name: 'Créer mon compte' }).click();
  }

  async signIn(email: string, password: string) {
    const form = this.signInForm();
    await form.getByLabel('Adresse e-mail').fill(email);
    await form.getByLabel('Mot de passe', { exact: true }).fill(password);
    await form.getByRole('button', { name: 'Se connecter' }).click();
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Se déconnecter' }).click();
  }

  /** The « Votre compte » panel, shown once signed in. */
  identity() {
    return this.page.getByRole('region', { name: 'Votre compte' });
  }

  async expectSignedInAs(person: Person) {
    await expect(this.identity()).toContainText(person.displayName);
    await expect(this.identity()).toContainText(person.email);
  }
}

/** /espaces and /espaces/:id: a person's groups, creating and joining one, its members and invitation. */
export class WorkspacesScreen {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/espaces');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Espaces' })).toBeVisible();
  }

  myWorkspaces() {
    return this.page.getByRole('list', { name: 'Mes espaces' });
  }

  async create(name: string) {
    const form = this.page.getByRole('form', { name: 'Créer un espace' });
    await form.getByLabel('Nom de l’espace').fill(name);
    await form.getByRole('button', { name: 'Créer l’espace' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  joinForm() {
    return this.page.getByRole('form', { name: 'Rejoindre un espace' });
  }

  async join(typedCode: string) {
    await this.joinForm().getByLabel('Code d’invitation').fill(typedCode);
    await this.joinForm().getByRole('button', { name: 'Rejoindre l’espace' }).click();
  }

  /** The code shown to the owner, in large type. */
  inviteCode() {
    return this.page.getByRole('region', { name: 'Inviter des personnes' }).getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  }

  qrCode() {
    return this.page.getByRole('img', { name: /^QR code d’invitation/ });
  }

  members() {
    return this.page.getByRole('list', { name: /^Membres/ }).getByRole('listitem');
  }

  member(displayName: string) {
    return this.members().filter({ hasText: displayName });
  }

  async refreshMembers() {
    await this.page.getByRole('button', { name: 'Actualiser' }).click();
  }

  /** Clicks `action`, then the confirmation dialog's `confirm` button. */
  async confirm(action: string | RegExp, confirm: string) {
    await this.page.getByRole('button', { name: action }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: confirm, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
