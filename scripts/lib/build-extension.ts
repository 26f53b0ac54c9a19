/** Builds the extension with WXT into a folder of its own, so parallel runs never share an output. */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

export async function buildExtension(
  outDir: string,
  options: { browser?: 'chrome' | 'firefox'; env?: Record<string, string>; quiet?: boolean } = {},
): Promise<string> {
  const browser = options.browser ?? 'chrome';
  const args = ['build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])];
  await new Promise<void>((done, fail) => {
    const child = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'wxt'), args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...options.env, FACTMARK_OUT_DIR: outDir },
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`wxt build failed (exit ${code}):\n${output}`))));
  });
  return join(outDir, `${browser}-mv3`);
}
