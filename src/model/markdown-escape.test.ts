import { expect, it } from 'vitest';
import { escapeBlock } from './markdown-escape.ts';

it('keeps paragraphs and line breaks of a note', () => {
  expect(escapeBlock('  Premier point\nsuite\n\n\n\nSecond point  \n')).toBe('Premier point  \nsuite\n\nSecond point');
});
