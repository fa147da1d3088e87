import { build, type Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FeedOutcome } from './apply.ts';
import type { FeedApplyAnswer, FeedApplyRequest } from './apply-worker.ts';

/** The native SQLite package is loaded from where it is installed, not bundled. */
const installedPackages: Plugin = {
  name: 'installed-packages',
  setup(builder) {
    const require = createRequire(import.meta.url);
    builder.onResolve({ filter: /^better-sqlite3$/ }, ({ path }) => ({
      path: require.resolve(path),
      external: true,
    }));
  },
};

let script: Promise<string> | undefined;

/**
 * A small young generation: the thread reads pages of 500 courses that are soon garbage. `shortlist` starts Node
 * with large semi-spaces for the HTTP thread, and V8 holds every thread to that process-wide flag until it is
 * cleared (as workerLimits in crawler/src/workers/worker-threads.ts does for the crawler's threads); then this
 * limit applies. Without it the thread's heap was twice as large (docs/benchmarks.md).
 */
const APPLY_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 12 };

/** The worker's entry and what it imports as one plain script, built once per process: threads have no TypeScript loader. */
function applyWorkerScript(): Promise<string> {
  script ??= build({
    entryPoints: [fileURLToPath(new URL('./apply-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [installedPackages],
  }).then((result) => result.outputFiles[0]!.text);
  return script;
}

/**
 * Applies a feed on a thread of its own, with its own connection to the catalogue, in one transaction: the thread
 * that answers HTTP keeps reading (WAL readers never wait for the writer) while it runs. Resolves with the outcome;
 * rejects when the thread fails, in which case the transaction was rolled back.
 */
export async function applyFeedOnThread(request: FeedApplyRequest): Promise<FeedOutcome> {
  const code = await applyWorkerScript();
  // the flag only sizes heaps made after it is cleared: the HTTP thread's heap exists, and keeps its own size
  setFlagsFromString('--max-semi-space-size=0');
  const worker = new Worker(code, {
    eval: true,
    execArgv: [],
    workerData: request,
    resourceLimits: APPLY_LIMITS,
  });
  return new Promise<FeedOutcome>((resolve, reject) => {
    let answered = false;
    worker.once('message', (answer: FeedApplyAnswer) => {
      answered = true;
      if ('outcome' in answer) resolve(answer.outcome);
      else reject(new Error(`applying the feed failed: ${answer.error}`));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the thread applying the feed stopped (exit code ${code})`));
    });
  });
}
