import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

/**
 * The layers and their rule (docs/architecture.md): imports point down only,
 * model <- db <- features <- app, with ui and i18n beside (they import only
 * the model); a feature never imports another; the server imports only
 * src/model. Each feature folder gets its own zone, so a new one is covered.
 */
const features = readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const modelZone = {
  target: './src/model',
  from: './src',
  except: ['./model'],
  message: 'src/model is pure: it imports only itself.',
};
const layerZones = [
  modelZone,
  {
    target: ['./src/ui', './src/i18n'],
    from: './src',
    except: ['./model', './ui', './i18n'],
    message: 'ui and i18n sit beside the layers: they import only the model (and each other).',
  },
  { target: './src/db', from: ['./src/features', './src/app'], message: 'db sits below the features and the app.' },
  { target: './src/features', from: './src/app', message: 'A feature does not import the app shell.' },
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'A feature never imports another: move the shared piece down (db, ui, model) or compose them in src/app.',
  })),
  {
    target: './sync-server',
    from: './src',
    except: ['./model'],
    message: 'The server imports only src/model from the client tree.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'sync-server/dist/', 'dev-dist/', 'node_modules/', 'test-results/', '.scratch/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'sync-server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: ['src/model/**/*.ts'],
    ignores: ['src/model/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'src/model runs in the browser too: no Node module.' }] },
      ],
    },
  },
  // A model test may check its output against the app's real French labels.
  {
    files: ['src/model/**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones.filter((z) => z !== modelZone) }] },
  },
  // Playwright fixtures call `use`, which is not React's.
  { files: ['tests/e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
);
