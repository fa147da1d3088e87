import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogueStore, isAlive, readRunningInfo } from '@shortlist/indexer';
import { freePortRun } from './ports.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../api/bin/shortlist.js', import.meta.url));
const dataDirs: string[] = [];
const newDataDir = () => {
  dataDirs.push(mkdtempSync(join(tmpdir(), 'shortlist-start-')));
  return dataDirs.at(-1)!;
};
const dataDir = newDataDir();
const running: ChildProcess[] = [];
/** processes a failed stop would leave behind, by id */
const leftovers: number[] = [];
afterAll(() => {
  running.forEach((child) => child.kill('SIGKILL'));
  leftovers.filter(isAlive).forEach((pid) => process.kill(pid, 'SIGKILL'));
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function start(
  port: number,
  demoPort: number,
  data = dataDir,
  [command, ...args]: string[] = [process.execPath, BIN, 'start', '--demo'],
): Promise<Started> {
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DEMO_PORT: String(demoPort), SHORTLIST_DATA: data },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /Shortlist is running: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

async function total(url: string): Promise<number> {
  const response = await fetch(`${url}/v1/search?perPage=1`);
  return ((await response.json()) as { total: number }).total;
}

async function waitForTotal(url: string, atLeast: number, withinMs: number): Promise<number> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const count = await total(url);
    if (count >= atLeast || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function stop({ child }: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  return exited;
}

function meilisearchProcesses(data = dataDir): string {
  try {
    return execFileSync('pgrep', ['-af', data], { encoding: 'utf8' });
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

async function portIsClosed(url: string): Promise<boolean> {
  return fetch(`${url}/health`).then(
    () => false,
    () => true,
  );
}

describe('shortlist start --demo', () => {
  it('answers at once, fills in ≥150 courses within 90 s, and leaves nothing behind on SIGINT', async () => {
    const [port, demoPort] = [await freePortRun(1), await freePortRun(5)];
    const first = await start(port, demoPort);
    expect(first.url).toBe(`http://127.0.0.1:${port}`);
    expect(first.output()).not.toMatch(/other users/);
    expect((await fetch(`${first.url}/v1/search`)).status).toBe(200);
    expect(await waitForTotal(first.url, 150, 90_000)).toBeGreaterThanOrEqual(150);

    expect(await stop(first)).toBe(0);
    expect(meilisearchProcesses()).toBe('');
    expect(await portIsClosed(first.url)).toBe(true);

    // the catalogue is reused: everything is searchable at once and nothing is crawled again
    const second = await start(port, demoPort);
    expect(await total(second.url)).toBeGreaterThanOrEqual(150);
    expect(second.output()).not.toMatch(/crawled/);
    expect(await stop(second)).toBe(0);
    expect(meilisearchProcesses()).toBe('');
  }, 180_000);

  it('crawls in a crawl process of its own, which a SIGINT mid-crawl ends with the server', async () => {
    const started = await start(await freePortRun(1), await freePortRun(5), newDataDir());
    const serverPid = started.child.pid!;
    // the demo sites take seconds to crawl politely: the crawl process is there meanwhile
    let crawler: number | undefined;
    while (crawler === undefined) {
      crawler = crawlProcessOf(serverPid);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    leftovers.push(crawler);
    expect(await stop(started)).toBe(0);
    expect(isAlive(crawler)).toBe(false);
    expect(meilisearchProcesses(dataDirs.at(-1))).toBe('');
  }, 90_000);

  it('stops cleanly when interrupted while it is still setting up the demo feeds', async () => {
    // stopped as soon as the URL is printed: in a fresh data folder it is still importing the demo feeds and
    // hashing the demo partner's key, which write to the catalogue that the stop closes; whether the set-up
    // or the stop gets there first varies, so three fresh starts
    for (let round = 0; round < 3; round++) {
      const freshData = newDataDir();
      const started = await start(await freePortRun(1), await freePortRun(5), freshData);
      expect(await stop(started)).toBe(0);
      expect(started.output()).not.toMatch(/database connection is not open/);
      expect(meilisearchProcesses(freshData)).toBe('');
    }
  }, 90_000);
});

/** The crawl process `shortlist start` forked (api/bin/crawl-process.js), if one runs now. */
function crawlProcessOf(serverPid: number): number | undefined {
  try {
    const found = execFileSync('pgrep', ['-P', String(serverPid), '-f', 'crawl-process.js'], {
      encoding: 'utf8',
    });
    return Number(found.trim().split('\n')[0]);
  } catch {
    return undefined; // pgrep exits 1 when nothing matches
  }
}

describe('shortlist start on a data folder other users can read', () => {
  it('warns about each such path and how to make it private', async () => {
    const data = newDataDir();
    new CatalogueStore(join(data, 'catalogue.db')).close();
    chmodSync(data, 0o755);
    chmodSync(join(data, 'catalogue.db'), 0o644);
    const started = await start(await freePortRun(1), await freePortRun(5), data, [
      process.execPath,
      BIN,
      'start',
    ]);
    expect(await stop(started)).toBe(0);
    for (const path of [data, join(data, 'catalogue.db')])
      expect(started.output()).toContain(
        `Warning: other users of this machine can read ${path} (mode ${path === data ? 755 : 644}), which holds partner key hashes, feed URLs or uploads; make it private with: chmod go-rwx ${path}`,
      );
  }, 60_000);
});

describe('stopping through npm, as a supervisor does', () => {
  // `--ignore-scripts` skips only the prestart web build, which the tests already have
  it.each([
    ['npm start', ['npm', 'start', '--ignore-scripts']],
    ['npx shortlist start', ['npx', 'shortlist', 'start']],
  ])(
    'one SIGTERM to the npm process of `%s` stops the server and its Meilisearch',
    async (_, command) => {
      const data = newDataDir();
      const started = await start(await freePortRun(1), await freePortRun(5), data, command);
      const { serverPid } = readRunningInfo(data)!;
      expect(isAlive(serverPid!)).toBe(true);

      const exited = new Promise((resolve) => started.child.once('exit', resolve));
      started.child.kill('SIGTERM');
      await exited;
      await expect.poll(() => portIsClosed(started.url), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => isAlive(serverPid!), { timeout: 30_000 }).toBe(false);
    },
    90_000,
  );
});
