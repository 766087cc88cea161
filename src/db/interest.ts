import { BehaviorSubject, type Observable } from 'rxjs';

/**
 * Whether the person has shown they will come back: opened a second text,
 * or saved something of their own. Only then is installation offered in
 * plain sight (src/app/install/InstallPrompt.tsx). Kept on the device.
 */
const TEXTS_KEY = 'interest-texts';
const SAVED_KEY = 'interest-saved';
const TEXTS_FOR_INTEREST = 2;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage refused: the interest is simply not remembered
  }
}

function textsOpened(): string[] {
  try {
    const list: unknown = JSON.parse(read(TEXTS_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

const interested = () => read(SAVED_KEY) === '1' || textsOpened().length >= TEXTS_FOR_INTEREST;

const state$ = new BehaviorSubject<boolean>(typeof window !== 'undefined' && interested());

export const interest$: Observable<boolean> = state$;

/** A text was opened (its id). */
export function noteTextOpened(id: string): void {
  const texts = textsOpened();
  if (texts.includes(id) || texts.length >= TEXTS_FOR_INTEREST) return;
  write(TEXTS_KEY, JSON.stringify([...texts, id]));
  if (interested() && !state$.value) state$.next(true);
}

/** Something of the person's own was saved (a note, a highlight, an initiative). */
export function noteOwnSave(): void {
  write(SAVED_KEY, '1');
  if (!state$.value) state$.next(true);
}
