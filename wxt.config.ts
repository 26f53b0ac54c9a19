import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chromium and Firefox builds share one source; only the manifest differs.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: easier to read, and Node tests import the same modules.
  imports: false,
  srcDir: '.',
  // Tests build into their own folder so parallel runs never share one output.
  outDir: process.env.FACTMARK_OUT_DIR ?? '.output',
  // MV3 for Firefox too: one service-worker-style background model to reason about.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // FACTMARK_DEMO_SYNC=1 builds start preconfigured for `npm run sync-server` (utils/sync/settings.ts).
    define: { 'import.meta.env.FACTMARK_DEMO_SYNC': JSON.stringify(process.env.FACTMARK_DEMO_SYNC === '1') },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'contextMenus', 'activeTab', 'unlimitedStorage'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The demo's local sync server is granted up front; real servers are asked for at run time.
    ...(process.env.FACTMARK_DEMO_SYNC === '1' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: '__MSG_extName__' },
    // Act on the selection from the keyboard (utils/background/selection-actions.ts).
    commands: {
      'fact-check-selection': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_commandFactCheckSelection__' },
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_commandHighlightSelection__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'factmark@factmark.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
