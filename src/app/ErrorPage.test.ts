import { expect, it } from 'vitest';
import { isMissingCode } from './ErrorPage.tsx';

it('recognises a screen whose code is gone since a deployment, in each browser’s words', () => {
  for (const message of [
    'Failed to fetch dynamically imported module: http://localhost:8080/assets/ResourcePage-abc.js',
    'error loading dynamically imported module: http://localhost:8080/assets/ResourcePage-abc.js',
    'Importing a module script failed.',
  ]) {
    expect(isMissingCode(new TypeError(message))).toBe(true);
  }
  expect(isMissingCode(new Error('Cannot read properties of undefined'))).toBe(false);
});
