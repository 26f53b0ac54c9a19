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
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'contextMenus', 'activeTab', 'unlimitedStorage'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
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
