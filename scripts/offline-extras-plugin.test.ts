import { expect, it } from 'vitest';
import { type BuiltChunk, extraFiles } from './offline-extras-plugin.ts';

it('lists the chunks and stylesheets only the extras load, per audience, and leaves shared ones in the install', () => {
  const chunks: Record<string, BuiltChunk> = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js'] },
    '_react.js': { file: 'assets/react.js', css: ['assets/shared.css'] },
    'src/features/account/WorkspacePage.tsx': {
      file: 'assets/WorkspacePage.js',
      isDynamicEntry: true,
      imports: ['_react.js'],
    },
    'node_modules/qrcode/lib/browser.js': { file: 'assets/browser.js', isDynamicEntry: true },
    'src/features/workshops/pooling/ShareRoute.tsx': {
      file: 'assets/ShareRoute.js',
      isDynamicEntry: true,
      imports: ['_react.js', '_pooling.js'],
    },
    'src/features/workshops/pooling/ReceiveRoute.tsx': {
      file: 'assets/ReceiveRoute.js',
      isDynamicEntry: true,
      imports: ['_pooling.js', '_wasm.js'],
    },
    '_pooling.js': { file: 'assets/pooling.js' },
    'src/features/workshops/board/BoardPage.tsx': {
      file: 'assets/BoardPage.js',
      isDynamicEntry: true,
      css: ['assets/BoardPage.css', 'assets/shared.css'],
    },
    'src/features/workshops/report/ReportRoute.tsx': { file: 'assets/ReportRoute.js', isDynamicEntry: true },
    'src/ui/qr/zxing-detector.ts': { file: 'assets/zxing-detector.js', isDynamicEntry: true, imports: ['_wasm.js'] },
    '_wasm.js': { file: 'assets/wasm.js' },
  };
  for (const chunk of Object.keys(chunks)) chunks[chunk]!.src = chunk.startsWith('_') ? undefined : chunk;
  const files = extraFiles(chunks);
  expect({ everyone: files.everyone.sort(), withoutNativeQrReader: files.withoutNativeQrReader }).toEqual({
    everyone: [
      'assets/BoardPage.css',
      'assets/BoardPage.js',
      'assets/ReceiveRoute.js',
      'assets/ReportRoute.js',
      'assets/ShareRoute.js',
      'assets/WorkspacePage.js',
      'assets/browser.js',
      'assets/pooling.js',
      'assets/wasm.js',
    ],
    withoutNativeQrReader: ['assets/zxing-detector.js'],
  });
});

it('fails the build when an extra is no longer loaded lazily', () => {
  expect(() => extraFiles({ 'index.html': { file: 'assets/index.js', isEntry: true } })).toThrow(
    /0 of 7 modules found lazily loaded/,
  );
});
