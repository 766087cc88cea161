import { describe, expect, it } from 'vitest';
import { editableText } from './editable-text.ts';
import type { Block } from './library.ts';

const block = (kind: Block['kind'], html: string, text = '', level?: number): Block => ({
  id: `${kind}-${html.length}`,
  kind,
  html,
  text,
  ...(level ? { level } : {}),
});

describe('editableText', () => {
  it('turns a template into plain lines a word processor opens as they are', () => {
    const file = editableText('Lettre d’invitation', [
      block('paragraph', '<p>Madame, Monsieur, [nom] &amp; <strong>associés</strong>,</p>'),
      block('heading', '<h2>Ordre du jour</h2>', 'Ordre du jour', 2),
      block(
        'list',
        '<ul>\n<li>Accueil</li>\n<li class="task"><label><input disabled="" type="checkbox"> Tour de table</label></li>\n</ul>',
      ),
      block(
        'table',
        '<table><thead><tr><th>Qui</th><th>Quoi</th></tr></thead><tbody><tr><td>Mairie</td><td>La salle</td></tr></tbody></table>',
      ),
    ]);
    expect(file.startsWith('\uFEFF')).toBe(true);
    expect(file.slice(1).split('\r\n')).toEqual([
      'Lettre d’invitation',
      '===================',
      '',
      'Madame, Monsieur, [nom] & associés,',
      '',
      'Ordre du jour',
      '-------------',
      '',
      '- Accueil',
      '- [ ] Tour de table',
      '',
      'Qui | Quoi',
      'Mairie | La salle',
      '',
    ]);
  });
});
