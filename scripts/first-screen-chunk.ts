import type { Plugin } from 'vite';

const BOOT = 'src/boot.tsx';
const APP = 'src/app/App.tsx';

/**
 * The first screen's code in two chunks, run in two tasks: React (what
 * `src/boot.tsx` imports) and the app (what `src/app/App.tsx` imports, boot
 * loading it after a yield to the browser).
 *
 * Left to itself, the bundler cut the first screen into some twenty chunks
 * (each module it shares with the database code or a lazily loaded screen in
 * a chunk of its own): the entry then appended a `modulepreload` link per
 * chunk, and the browser fetched, compiled and linked each, all on the main
 * thread as the page starts. The screens and the database code, loaded
 * later, import what they share from these two chunks.
 *
 * `groups`: the bundler's chunk groups (`build.rolldownOptions.output.codeSplitting`).
 * `resolveDependencies`: Vite's `build.modulePreload.resolveDependencies`, so that the
 * entry fetches the app's chunk with React's (without running it), not once React has run.
 */
export function firstScreenChunks() {
  const react = new Set<string>();
  const app = new Set<string>();
  /** Output files: the chunk built from each of the two modules. */
  const files: { boot?: string; app?: string; imports: Map<string, string[]>; css: Map<string, string[]> } = {
    imports: new Map(),
    css: new Map(),
  };

  const plugin: Plugin = {
    name: 'first-screen-chunks',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const reach = (from: string[], into = new Set<string>()) => {
        const visit = (id: string) => {
          if (into.has(id)) return;
          into.add(id);
          this.getModuleInfo(id)?.importedIds.forEach(visit);
        };
        from.forEach(visit);
        return into;
      };
      const boot = ids.find((id) => id.endsWith(BOOT));
      const root = ids.find((id) => id.endsWith(APP));
      if (!boot || !root) return;
      // What the page's entry loads itself (the preload helper, say) stays in the entry's chunk; the
      // two modules themselves stay the facades of their own chunks (the manifest names them).
      const held = reach(ids.filter((id) => this.getModuleInfo(id)?.isEntry));
      held.add(boot).add(root);
      for (const id of reach([boot])) if (!held.has(id)) react.add(id);
      for (const id of reach([root])) if (!held.has(id) && !react.has(id)) app.add(id);
    },
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          files.imports.set(chunk.fileName, chunk.imports);
          files.css.set(chunk.fileName, [...(chunk.viteMetadata?.importedCss ?? [])]);
          if (chunk.facadeModuleId?.endsWith(BOOT)) files.boot = chunk.fileName;
          if (chunk.facadeModuleId?.endsWith(APP)) files.app = chunk.fileName;
        }
      },
    },
  };

  const code = (id: string) => !/\.css($|\?)/.test(id);
  const groups = [
    { name: 'react', test: (id: string) => react.has(id) && code(id), includeDependenciesRecursively: false },
    { name: 'app', test: (id: string) => app.has(id) && code(id), includeDependenciesRecursively: false },
  ];

  /** The entry's import of boot also fetches the app's chunks and stylesheets, so that boot finds them there. */
  function resolveDependencies(file: string, deps: string[]): string[] {
    if (file !== files.boot || !files.app) return deps;
    const all = new Set(deps);
    const visit = (f: string) => {
      if (all.has(f)) return;
      all.add(f);
      files.css.get(f)?.forEach((css) => all.add(css));
      files.imports.get(f)?.forEach(visit);
    };
    visit(files.app);
    return [...all];
  }

  return { plugin, groups, resolveDependencies };
}
