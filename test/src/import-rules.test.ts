import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CHECK = fileURLToPath(new URL('../../scripts/check-imports.mjs', import.meta.url));
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A small monorepo on disk: `files` maps paths to contents; package.json values are written as JSON. */
function repo(files: Record<string, string | object>) {
  const root = mkdtempSync(join(tmpdir(), 'import-rules-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  const { status, stdout, stderr } = spawnSync(process.execPath, [CHECK, root], { encoding: 'utf8' });
  return { status, output: stdout + stderr };
}

const workspace = (name: string, dependencies: Record<string, string> = {}) => ({
  name,
  exports: { '.': './src/index.ts' },
  dependencies,
});

describe('npm test import rules', () => {
  it('passes a repo whose packages import each other one way only', () => {
    const { status, output } = repo({
      'package.json': { workspaces: ['core', 'app', 'test'] },
      'core/package.json': workspace('@x/core'),
      'core/src/index.ts': "export * from './shape.ts';\n",
      'core/src/shape.ts': 'export type Shape = { id: string };\n',
      'app/package.json': workspace('@x/app', { '@x/core': '0.1.0' }),
      'app/src/index.ts': "import type { Shape } from '@x/core';\nexport const shapes: Shape[] = [];\n",
      'test/package.json': workspace('@x/test', { '@x/app': '0.1.0' }),
      'test/src/helper.ts': "export { shapes } from '@x/app';\n",
    });
    expect(output).toContain('Import rules hold');
    expect(status).toBe(0);
  });

  it('fails on a cycle of type-only imports and names the files in order', () => {
    const { status, output } = repo({
      'package.json': { workspaces: ['core'] },
      'core/package.json': workspace('@x/core'),
      'core/src/index.ts': "export * from './context.ts';\n",
      'core/src/context.ts':
        "import type { Journal } from './journal.ts';\nexport type Context = { journal: Journal };\n",
      'core/src/journal.ts': "import type { Request } from './queue.ts';\nexport type Journal = Request[];\n",
      'core/src/queue.ts':
        "import type { Context } from './context.ts';\nexport type Request = { context: Context };\n",
    });
    expect(status).toBe(1);
    expect(output).toMatch(/import cycle: core\/src\/(\w+)\.ts → .* → core\/src\/\1\.ts/);
    for (const file of ['context', 'journal', 'queue']) expect(output).toContain(`core/src/${file}.ts`);
  });

  it('fails when a package reaches into test/, by import or by file URL, and on the cycle that makes', () => {
    const { status, output } = repo({
      'package.json': { workspaces: ['app', 'test'] },
      'app/package.json': workspace('@x/app'),
      'app/src/index.ts': "export const sites = () => import('../../test/src/sites.ts');\n",
      'app/src/feeds.ts': "export const FEEDS = new URL('../../test/feeds/', import.meta.url);\n",
      'test/package.json': workspace('@x/test', { '@x/app': '0.1.0' }),
      'test/src/sites.ts': "import '@x/app';\nexport const sites = [];\n",
    });
    expect(status).toBe(1);
    expect(output).toContain('app/src/index.ts uses ../../test/src/sites.ts: only test/ may use test/');
    expect(output).toContain('app/src/feeds.ts uses ../../test/feeds/: only test/ may use test/');
    expect(output).toMatch(/workspace cycle: @x\/(app|test) → @x\/(app|test) → @x\/\1/);
  });

  it('fails on an import of a workspace that package.json does not list', () => {
    const { status, output } = repo({
      'package.json': { workspaces: ['core', 'app'] },
      'core/package.json': workspace('@x/core'),
      'core/src/index.ts': 'export const core = 1;\n',
      'app/package.json': workspace('@x/app'),
      'app/src/index.ts': "export { core } from '@x/core';\n",
    });
    expect(status).toBe(1);
    expect(output).toContain(
      'app/src/index.ts imports @x/core from @x/core, which app/package.json does not list',
    );
  });
});
