// Prints the import graph's figures: import cycles between files (strongly
// connected components), two-way imports between top-level areas of src/
// (app, each feature, db, model, ui, i18n) and the largest source files.
// Usage: node scripts/import-graph.mjs
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const roots = ['src', 'sync-server/src'];
const exts = ['.ts', '.tsx'];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (exts.some((e) => name.endsWith(e)) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, ...exts.map((e) => base + e), ...exts.map((e) => join(base, 'index' + e))]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* next */
    }
  }
  return null;
}

const files = roots.flatMap((r) => walk(join(root, r)));
const graph = new Map();
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = info.importedFiles
    .map((i) => resolveImport(file, i.fileName))
    .filter((t) => t && exts.some((e) => t.endsWith(e)));
  graph.set(file, [...new Set(targets)]);
}

// Tarjan's strongly connected components: each component of two or more files is a loop.
let index = 0;
const stack = [];
const meta = new Map();
const components = [];
function connect(v) {
  meta.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    if (!meta.has(w)) {
      connect(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component);
  }
}
for (const v of graph.keys()) if (!meta.has(v)) connect(v);

function area(file) {
  const rel = relative(root, file);
  const parts = rel.split('/');
  if (parts[0] === 'sync-server') return 'sync-server';
  if (parts[1] === 'features') return `features/${parts[2]}`;
  if (parts.length === 2) return 'src (entry)';
  return parts[1];
}
const areaEdges = new Map();
for (const [from, targets] of graph) {
  for (const to of targets) {
    const a = area(from);
    const b = area(to);
    if (a === b) continue;
    const key = `${a} -> ${b}`;
    areaEdges.set(key, (areaEdges.get(key) ?? 0) + 1);
  }
}
const twoWay = [];
for (const key of areaEdges.keys()) {
  const [a, b] = key.split(' -> ');
  if (a < b && areaEdges.has(`${b} -> ${a}`)) twoWay.push(`${a} <-> ${b}`);
}
const sideways = [...areaEdges.keys()].filter((k) => /^features\/\S+ -> features\//.test(k));

console.log(`files: ${files.length}`);
console.log(`file-level import cycles (components): ${components.length}`);
for (const c of components) console.log('  ' + c.map((f) => relative(root, f)).join(', '));
console.log(`two-way area pairs: ${twoWay.length}`);
for (const p of twoWay) console.log('  ' + p);
console.log(`feature -> feature edges: ${sideways.length}`);
for (const k of sideways) console.log(`  ${k} (${areaEdges.get(k)})`);
const up = [...areaEdges.keys()].filter((k) =>
  /^(features\/\S+|db|model|ui|i18n) -> (app|src \(entry\))$|^(db|model) -> features|^model -> (db|ui|i18n)|^sync-server -> (?!model)/.test(
    k,
  ),
);
console.log(`upward edges: ${up.length}`);
for (const k of up) console.log(`  ${k} (${areaEdges.get(k)})`);
const sizes = [...files]
  .map((f) => [relative(root, f), readFileSync(f, 'utf8').split('\n').length])
  .sort((a, b) => b[1] - a[1]);
console.log('largest files (lines):');
for (const [f, n] of sizes.slice(0, 10)) console.log(`  ${n} ${f}`);
