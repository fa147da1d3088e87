import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKGROUND_NICENESS, SCHED_IDLE } from './background.ts';
import { isAlive, startBundledMeilisearch, type MeiliConnection } from './meili-server.ts';
import { threadScheduling } from './thread-scheduling.ts';

const started: MeiliConnection[] = [];
afterAll(async () => {
  for (const meili of started) await meili.stop();
});

async function start(options: Parameters<typeof startBundledMeilisearch>[1] = {}) {
  const meili = await startBundledMeilisearch(mkdtempSync(join(tmpdir(), 'meili-server-')), options);
  started.push(meili);
  return meili;
}

const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

/** Each thread of a process: its name, nice value and scheduling policy. */
const threads = (pid: number) =>
  readdirSync(`/proc/${pid}/task`).map((thread) => threadScheduling(pid, Number(thread)));
const background = Math.min(19, getPriority() + BACKGROUND_NICENESS);

const answers = ({ url, key }: { url: string; key?: string }, path = '/indexes') =>
  fetch(`${url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }).then(
    (response) => response.status,
    () => 'unreachable',
  );

describe('the bundled Meilisearch', () => {
  it('keeps its master key out of the process table: neither the server nor its watchdog has it in argv', async () => {
    const meili = await start();
    const ids = meili.supervisor!.processIds()!;
    const server = commandLine(ids.server);
    const watchdog = commandLine(ids.watchdog);
    expect(server.join(' ')).toMatch(/meilisearch/);
    expect(watchdog.join(' ')).toContain(String(ids.server));
    for (const argv of [server, watchdog]) expect(argv.some((arg) => arg.includes(meili.key))).toBe(false);
    // the server has the key all the same (from its environment) and runs in production mode
    expect(await answers({ url: meili.url })).toBe(401);
    expect(await answers(meili)).toBe(200);
    expect(server.join(' ')).toContain('--env production');
  });

  it('indexes in the background: its indexing threads run below the threads that answer searches, before and after it has indexed', async () => {
    const meili = await start();
    const { server } = meili.supervisor!.processIds()!;
    const check = (names: string[]) => {
      const all = threads(server);
      for (const name of names) {
        const indexing = all.filter((thread) => thread.name === name);
        expect(indexing.length, name).toBeGreaterThan(0);
        for (const thread of indexing)
          expect(thread, name).toMatchObject({ nice: background, policy: SCHED_IDLE });
      }
      // the main thread and the HTTP workers that answer searches keep the server's priority and policy
      const searching = all.filter((thread) => thread.nice === getPriority() && thread.policy !== SCHED_IDLE);
      expect(searching.length).toBeGreaterThan(1);
    };
    check(['indexing-thread', 'scheduler']);
    const headers = { authorization: `Bearer ${meili.key}`, 'content-type': 'application/json' };
    const sent = (await (
      await fetch(`${meili.url}/indexes/courses/documents`, {
        method: 'POST',
        headers,
        body: JSON.stringify(Array.from({ length: 500 }, (_, n) => ({ id: n, title: `Course ${n}` }))),
      })
    ).json()) as { taskUid: number };
    const status = async () =>
      ((await (await fetch(`${meili.url}/tasks/${sent.taskUid}`, { headers })).json()) as { status: string })
        .status;
    await expect.poll(status, { timeout: 20_000 }).toMatch(/succeeded|failed/);
    expect(await status()).toBe('succeeded');
    // the thread that wrote the batch into the index was started by the scheduler, at its priority
    check(['indexing-thread', 'scheduler', 'batch-operation']);
  });

  it('runs in development mode only when asked (the demo)', async () => {
    const meili = await start({ environment: 'development' });
    expect(commandLine(meili.supervisor!.processIds()!.server).join(' ')).toContain('--env development');
  });

  it('is restarted after it is killed, on the same address and data, with one log line when down and one when back', async () => {
    const lines: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const waits: number[] = [];
    const meili = await start({
      log: (line) => lines.push(line),
      // the restart waits until the test has seen the outage
      wait: (ms) => (waits.push(ms), held),
    });
    const task = await fetch(`${meili.url}/indexes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${meili.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ uid: 'kept' }),
    });
    expect(task.status).toBe(202);
    await expect.poll(() => answers(meili, '/indexes/kept')).toBe(200);

    const supervisor = meili.supervisor!;
    const { server } = supervisor.processIds()!;
    const down = once(supervisor, 'down');
    process.kill(server, 'SIGKILL');
    await down;
    expect(await answers(meili)).toBe('unreachable');
    expect(supervisor.processIds()).toBeUndefined();
    expect(waits).toEqual([1000]);

    const up = once(supervisor, 'up');
    release();
    await up;
    expect(supervisor.processIds()!.server).not.toBe(server);
    expect(await answers(meili, '/indexes/kept')).toBe(200);
    // the new server indexes in the background too
    const indexing = threads(supervisor.processIds()!.server).filter(
      (thread) => thread.name === 'indexing-thread',
    );
    for (const thread of indexing) expect(thread).toMatchObject({ nice: background, policy: SCHED_IDLE });
    expect(indexing.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(`^Meilisearch \\(pid ${server}\\) stopped unexpectedly \\(SIGKILL\\)`),
    );
    expect(lines[1]).toMatch(/^Meilisearch is back/);
    expect(lines.join('\n')).not.toContain(meili.key);
  });

  it('backs off further each time a restart fails, and keeps trying until one succeeds', async () => {
    const lines: string[] = [];
    const waits: number[] = [];
    // holds the server's port while the test wants its restarts to fail
    const squatter = createServer((socket) => socket.destroy());
    let port = 0;
    const meili = await start({
      log: (line) => lines.push(line),
      wait: async (ms) => {
        waits.push(ms);
        if (waits.length === 1)
          await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
        if (waits.length === 3) await new Promise((resolve) => squatter.close(resolve));
      },
    });
    port = Number(new URL(meili.url).port);
    const supervisor = meili.supervisor!;
    const up = once(supervisor, 'up');
    process.kill(supervisor.processIds()!.server, 'SIGKILL');
    await up;
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/stopped unexpectedly \(exit code 1: .*\); restarting it in 2 s$/);
    expect(await answers(meili)).toBe(200);
  });

  it('is stopped by its watchdog when the Node process that started it is killed with SIGKILL', async () => {
    const script = `import { startBundledMeilisearch } from ${JSON.stringify(fileURLToPath(new URL('./meili-server.ts', import.meta.url)))};
const meili = await startBundledMeilisearch(${JSON.stringify(mkdtempSync(join(tmpdir(), 'meili-orphan-')))});
console.log(meili.supervisor.processIds().server);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const server = Number(line.toString().trim());
    expect(isAlive(server)).toBe(true);
    child.kill('SIGKILL');
    await expect.poll(() => isAlive(server), { timeout: 20_000 }).toBe(false);
  });
});
