// `node scripts/build-communes.mjs`: rebuilds src/model/initiatives/communes.generated.json,
// the compact list of communes the app searches offline, from the npm package
// @etalab/decoupage-administratif. Run it after upgrading that package, then
// update COMMUNES_YEAR in src/model/initiatives/communes.ts if the year changed
// (commune-data.test.ts fails until both agree).
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const { COMMUNES_PACKAGE, compactCommunes, packageYear, serialiseCompactCommunes } = await tsImport(
  '../src/model/initiatives/commune-data.ts',
  import.meta.url,
);

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve(`${COMMUNES_PACKAGE}/package.json`));
const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
const year = packageYear(await readFile(join(packageDir, 'README.md'), 'utf8'), version);
if (!year) {
  console.error(`No year for ${COMMUNES_PACKAGE}@${version} in its README: add it to packageYear().`);
  process.exit(1);
}
const raw = JSON.parse(await readFile(join(packageDir, 'data', 'communes.json'), 'utf8'));
const data = compactCommunes(raw, { version, year });
const target = join(root, 'src', 'model', 'initiatives', 'communes.generated.json');
// Prettier's layout, so that `prettier --check .` accepts the file as written.
const options = { ...(await resolveConfig(target)), filepath: target };
await writeFile(target, await format(serialiseCompactCommunes(data), options));
console.log(
  `${COMMUNES_PACKAGE}@${version} (${year}): ${data.communes.length} communes, ` +
    `${data.former.length} former communes, ${data.districts.length} arrondissements → ${target}`,
);
