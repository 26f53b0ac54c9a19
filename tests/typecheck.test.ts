import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../scripts/lib/build-extension';

it('the whole project type-checks (tsc --noEmit)', () => {
  const result = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', PROJECT_ROOT], {
    encoding: 'utf8',
    cwd: PROJECT_ROOT,
  });
  const errors = result.stdout.split('\n').filter((line) => line.includes('error TS'));
  expect(errors).toEqual([]);
  expect(result.status).toBe(0);
}, 300_000);
