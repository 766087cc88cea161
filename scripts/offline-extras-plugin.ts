import { relative } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Lazily loaded modules of the app that the service worker's install leaves
 * out to stay light, with who needs them: every device, or only a browser
 * without a QR reader of its own. Once the library is on the device, the
 * page puts their files in the offline extras cache (src/app/offline-extras.ts).
 */
export const OFFLINE_EXTRA_MODULES = {
  /** Drawing QR codes (workshop and group invitations). */
  'node_modules/qrcode/lib/browser.js': 'everyone',
  /** A workshop's contributions shared and received as QR codes, without network. */
  'src/features/workshops/pooling/ShareRoute.tsx': 'everyone',
  'src/features/workshops/pooling/ReceiveRoute.tsx': 'everyone',
  /** A workshop's board and report: the facilitator's, after the contributions are in. */
  'src/features/workshops/board/BoardPage.tsx': 'everyone',
  'src/features/workshops/report/ReportRoute.tsx': 'everyone',
  /** A group's page (members, invitation, what the device knows of it offline): seldom the first screen. */
  'src/features/account/WorkspacePage.tsx': 'everyone',
  /** The JavaScript around the WebAssembly QR reader (zxing-wasm). */
  'src/ui/qr/zxing-detector.ts': 'withoutNativeQrReader',
} as const satisfies Record<string, ExtraAudience>;

export type ExtraAudience = 'everyone' | 'withoutNativeQrReader';

/** The `<meta name>` in index.html listing the extras' files for each audience (space-separated URLs). */
export const EXTRAS_META: Record<ExtraAudience, string> = {
  everyone: 'offline-extras',
  withoutNativeQrReader: 'offline-extras-qr-reader',
};

/** A chunk of the build as Vite's manifest describes it (`src`: the module it was built from). */
export interface BuiltChunk {
  file: string;
  src?: string;
  imports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  /** The stylesheets this chunk brings with it. */
  css?: string[];
}

/**
 * The files only the extras need, per audience: each extra's chunk and the
 * chunks it imports that no other screen of the app imports, with their
 * stylesheets (a stylesheet another screen also brings stays in the install).
 */
export function extraFiles(chunks: Record<string, BuiltChunk>): Record<ExtraAudience, string[]> {
  const extras: Record<string, ExtraAudience> = OFFLINE_EXTRA_MODULES;
  const reach = (keys: string[], into = new Set<string>()) => {
    const visit = (key: string) => {
      if (into.has(key)) return;
      into.add(key);
      chunks[key]?.imports?.forEach(visit);
    };
    keys.forEach(visit);
    return into;
  };
  const loadedElsewhere = reach(
    Object.keys(chunks).filter((key) => {
      const chunk = chunks[key]!;
      return (chunk.isEntry || chunk.isDynamicEntry) && !(chunk.src && chunk.src in extras);
    }),
  );
  const files: Record<ExtraAudience, string[]> = { everyone: [], withoutNativeQrReader: [] };
  const claimed = new Set(loadedElsewhere);
  const claimedCss = new Set([...loadedElsewhere].flatMap((key) => chunks[key]?.css ?? []));
  // The extras for everyone first: a chunk both audiences need is cached for everyone.
  for (const audience of ['everyone', 'withoutNativeQrReader'] as const) {
    const roots = Object.keys(chunks).filter((key) => chunks[key]!.src && extras[chunks[key]!.src!] === audience);
    for (const key of reach(roots)) {
      if (claimed.has(key) || !chunks[key]) continue;
      claimed.add(key);
      files[audience].push(chunks[key].file);
      for (const css of chunks[key].css ?? []) {
        if (claimedCss.has(css)) continue;
        claimedCss.add(css);
        files[audience].push(css);
      }
    }
  }
  const found = Object.values(chunks).filter((c) => c.src && c.src in extras).length;
  if (found !== Object.keys(extras).length) {
    throw new Error(
      `offline extras: ${found} of ${Object.keys(extras).length} modules found lazily loaded in the build`,
    );
  }
  return files;
}

/**
 * Writes the extras' file names into index.html, so that the page caches
 * the very files its own build loads (their names are hashed: the page's
 * code cannot know them, and fetching them as modules would run them).
 */
export function offlineExtras(): Plugin {
  let root = process.cwd();
  return {
    name: 'offline-extras',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return;
        const chunks: Record<string, BuiltChunk> = {};
        for (const file of Object.values(bundle)) {
          if (file.type !== 'chunk') continue;
          chunks[file.fileName] = {
            file: file.fileName,
            src: file.facadeModuleId ? relative(root, file.facadeModuleId) : undefined,
            imports: file.imports,
            isEntry: file.isEntry,
            isDynamicEntry: file.isDynamicEntry,
            css: [...(file.viteMetadata?.importedCss ?? [])],
          };
        }
        const files = extraFiles(chunks);
        return (Object.keys(files) as ExtraAudience[]).map((audience) => ({
          tag: 'meta',
          attrs: { name: EXTRAS_META[audience], content: files[audience].map((file) => `/${file}`).join(' ') },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
