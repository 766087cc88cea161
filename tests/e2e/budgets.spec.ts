import { expect, test } from '@playwright/test';
import { jsParts, PRECACHE_BUDGET_GZIP, precachedFiles, totalGzip } from '../build-size.ts';

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

test(`the install stores at most ${kib(PRECACHE_BUDGET_GZIP)} gzipped (precache)`, () => {
  const files = precachedFiles();
  expect(files.length).toBeGreaterThan(10);
  const largest = [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 5);
  expect(
    totalGzip(files),
    `precache ${kib(totalGzip(files))}; largest: ${largest.map((f) => `${f.path} ${kib(f.gzip)}`).join(', ')}`,
  ).toBeLessThanOrEqual(PRECACHE_BUDGET_GZIP);
});

for (const part of jsParts()) {
  test(`JavaScript budget: ${part.name}, at most ${kib(part.gzipBudget)} gzipped`, () => {
    const files = part.files.filter((f) => f.path.endsWith('.js')).sort((a, b) => b.gzip - a.gzip);
    expect(part.jsGzip, files.map((f) => `${f.path} ${kib(f.gzip)}`).join(', ')).toBeLessThanOrEqual(part.gzipBudget);
  });
}
