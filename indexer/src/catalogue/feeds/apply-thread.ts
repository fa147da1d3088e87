import type { Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FeedJobSummary } from '@shortlist/schemas';
import type { FeedOutcome, FeedPlan } from './apply.ts';

/** What the thread that applies a feed is given: plain data, since a thread shares no objects. */
export interface FeedApplyRequest {
  catalogueFile: string;
  /** the time the feed is applied at, from the catalogue's clock: its history entries are dated so */
  now: string;
  plan: Omit<FeedPlan, 'staging' | 'namedIds'> & { stagingFile: string; namedIds: string[] };
  /** the job to finish inside the feed's transaction, with its summary so far */
  job?: { id: string; summary: FeedJobSummary };
}

export type FeedApplyAnswer = { outcome: FeedOutcome } | { error: string };

/** Native and build-time packages are loaded from where they are installed, not bundled. */
const installedPackages: Plugin = {
  name: 'installed-packages',
  setup(builder) {
    const require = createRequire(import.meta.url);
    builder.onResolve({ filter: /^(better-sqlite3|esbuild)$/ }, ({ path }) => ({
      path: require.resolve(path),
      external: true,
    }));
  },
};

let script: Promise<string> | undefined;

/**
 * The worker's entry and what it imports as one plain script, built once per process: threads have no TypeScript
 * loader. The bundle holds this file too, so what runs only here (esbuild, import.meta) is reached lazily.
 */
function applyWorkerScript(): Promise<string> {
  script ??= import('esbuild')
    .then(({ build }) =>
      build({
        entryPoints: [fileURLToPath(new URL('./apply-worker.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        write: false,
        logLevel: 'silent',
        plugins: [installedPackages],
      }),
    )
    .then((result) => result.outputFiles[0]!.text);
  return script;
}

/**
 * Applies a feed on a thread of its own, with its own connection to the catalogue, in one transaction: the thread
 * that answers HTTP keeps reading (WAL readers never wait for the writer) while it runs. Resolves with the outcome;
 * rejects when the thread fails, in which case the transaction was rolled back.
 */
export async function applyFeedOnThread(request: FeedApplyRequest): Promise<FeedOutcome> {
  const worker = new Worker(await applyWorkerScript(), { eval: true, execArgv: [], workerData: request });
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
