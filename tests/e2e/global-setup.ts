/**
 * Builds the extension once per e2e run, into a folder of its own, and hands
 * its path to the tests. Chromium's absence is reported by each test (the
 * harness throws with the install command), not hidden here.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildExtension, PROJECT_ROOT } from '../../scripts/lib/build-extension';

declare module 'vitest' {
  export interface ProvidedContext {
    extensionDir: string;
  }
}

export default async function setup(project: TestProject) {
  const outDir = join(PROJECT_ROOT, 'test-output', `e2e-build-${process.pid}`);
  const extensionDir = await buildExtension(outDir, { quiet: true, env: { FACTMARK_E2E: '1' } });
  project.provide('extensionDir', extensionDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
