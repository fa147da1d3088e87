import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { indexingInBackground } from './background.ts';

export interface MeiliLaunch {
  binary: string;
  args: string[];
  /** the child's whole environment: the master key travels here, never in argv where `ps` shows it */
  env: Record<string, string>;
  cwd: string;
  url: string;
}

export interface SupervisorOptions {
  log?: (line: string) => void;
  /** waits before a restart; a test passes a gate so that an outage lasts exactly as long as it needs */
  wait?: (ms: number) => Promise<void>;
  firstBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface MeiliProcessIds {
  server: number;
  watchdog: number;
}

/**
 * Ends the server when the supervising Node process dies, even by SIGKILL: `$1` is that process, `$2` the
 * server. It only ever sees process ids, never the key.
 */
const WATCHDOG = `while kill -0 "$2" 2>/dev/null; do
  if ! kill -0 "$1" 2>/dev/null; then kill "$2"; exit 0; fi
  sleep 0.5
done`;

const HEALTHY_WITHIN_MS = 30_000;

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Polls `url` until it answers healthy; false after `withinMs` or as soon as `gone()` says the server exited. */
export async function waitHealthy(url: string, withinMs: number, gone = () => false): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline && !gone()) {
    if (await isHealthy(url)) return true;
    await delay(100);
  }
  return false;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Runs the bundled Meilisearch and keeps it running: when it dies it is started again on the same port and
 * files, after a back-off that doubles up to `maxBackoffMs` and resets once it answers. Emits `down` and
 * `up` so that callers (the sync loop) can catch up at once. Its indexing runs in the background
 * (`indexingInBackground`), its searches at the server's priority.
 */
export class MeiliSupervisor extends EventEmitter<{ down: []; up: [] }> {
  private server: ChildProcess | undefined;
  private watchdog: ChildProcess | undefined;
  private stopping = false;
  private failures = 0;
  private stderr = '';
  private readonly log: (line: string) => void;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly firstBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly killNow = () => this.server && !hasExited(this.server) && this.server.kill('SIGTERM');

  constructor(
    private readonly launch: MeiliLaunch,
    {
      log = console.error,
      wait = (ms) => delay(ms, undefined, { ref: false }),
      firstBackoffMs = 1000,
      maxBackoffMs = 30_000,
    }: SupervisorOptions = {},
  ) {
    super();
    this.log = log;
    this.wait = wait;
    this.firstBackoffMs = firstBackoffMs;
    this.maxBackoffMs = maxBackoffMs;
  }

  /** the running server and its watchdog; undefined while the server is down */
  processIds(): MeiliProcessIds | undefined {
    const { server, watchdog } = this;
    if (!server?.pid || !watchdog?.pid || hasExited(server)) return undefined;
    return { server: server.pid, watchdog: watchdog.pid };
  }

  /** Starts the server and resolves once it answers; rejects with its last output if it does not. */
  async start(): Promise<void> {
    process.once('exit', this.killNow);
    const server = this.spawnServer();
    if (await waitHealthy(this.launch.url, HEALTHY_WITHIN_MS, () => hasExited(server))) {
      indexingInBackground(server.pid!);
      return;
    }
    const why = hasExited(server)
      ? `exited (${server.exitCode ?? server.signalCode})`
      : `did not become healthy at ${this.launch.url} within ${HEALTHY_WITHIN_MS / 1000} s`;
    await this.stop();
    throw new Error(`Meilisearch ${why}:\n${this.stderr}`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    process.removeListener('exit', this.killNow);
    const server = this.server;
    if (!server || hasExited(server)) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }

  private spawnServer(): ChildProcess {
    const { binary, args, env, cwd } = this.launch;
    this.stderr = '';
    // detached: a Ctrl-C in the terminal reaches Node, which stops the server; it must not kill it first
    const server = spawn(binary, args, { env, cwd, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    server.stderr?.on(
      'data',
      (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)),
    );
    server.once('error', (error) => (this.stderr += `\n${error.message}`));
    server.once('exit', (code, signal) => this.exited(server, code, signal));
    this.server = server;
    if (server.pid) {
      this.watchdog = spawn(
        'sh',
        ['-c', WATCHDOG, 'meili-watchdog', String(process.pid), String(server.pid)],
        {
          detached: true,
          stdio: 'ignore',
        },
      );
      this.watchdog.unref();
    }
    return server;
  }

  private exited(server: ChildProcess, code: number | null, signal: NodeJS.Signals | null) {
    if (this.stopping || server !== this.server) return;
    const backoff = Math.min(this.maxBackoffMs, this.firstBackoffMs * 2 ** this.failures);
    this.failures++;
    // a crash explains itself in its last line; a kill by signal says nothing more
    const how = signal ?? `exit code ${code}: ${this.stderr.trim().split('\n').at(-1)}`;
    this.log(
      `Meilisearch (pid ${server.pid}) stopped unexpectedly (${how}); restarting it in ${backoff / 1000} s`,
    );
    this.emit('down');
    void this.restartAfter(backoff);
  }

  private async restartAfter(backoff: number) {
    await this.wait(backoff);
    if (this.stopping) return;
    const server = this.spawnServer();
    if (await waitHealthy(this.launch.url, HEALTHY_WITHIN_MS, () => hasExited(server))) {
      if (this.stopping || server !== this.server) return;
      indexingInBackground(server.pid!);
      this.failures = 0;
      this.log(`Meilisearch is back (pid ${server.pid})`);
      this.emit('up');
    } else if (!hasExited(server)) {
      server.kill('SIGKILL'); // hung: its exit schedules the next attempt
    }
  }
}
