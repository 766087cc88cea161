import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

/** Every icon of the app is generated at build time from public/icon.svg. */
export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    maskable: { ...minimal2023Preset.maskable, padding: 0.1, resizeOptions: { background: '#1d5c4a' } },
    apple: { ...minimal2023Preset.apple, resizeOptions: { background: '#1d5c4a' } },
  },
  images: ['public/icon.svg'],
});
