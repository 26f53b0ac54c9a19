import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExtension, PROJECT_ROOT } from '../../scripts/lib/build-extension';

describe('Firefox build', () => {
  const outDir = join(PROJECT_ROOT, 'test-output', `firefox-build-${process.pid}`);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('is MV3 with a gecko id and passes web-ext lint with 0 errors', async () => {
    const dir = await buildExtension(outDir, { browser: 'firefox', quiet: true });
    const lint = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', dir, '--output', 'json'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(lint.stdout);
    const errors = report.errors.map((e: { code: string; message: string; file?: string }) => `${e.code}: ${e.message} (${e.file ?? ''})`);
    expect(errors).toEqual([]);
    const manifest = (await import(join(dir, 'manifest.json'), { with: { type: 'json' } })).default;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toBeDefined();
  }, 120_000);
});
