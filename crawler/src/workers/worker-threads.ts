import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';

const scripts = new Map<string, Promise<string>>();

/**
 * A worker's entry module and everything it imports as one plain script, built once per process: a thread that
 * runs it (`new Worker(script, { eval: true, execArgv: [] })`) needs no TypeScript loader, so it starts sooner and
 * takes about half the memory.
 */
export function workerScript(entry: URL): Promise<string> {
  let script = scripts.get(entry.href);
  if (!script) {
    script = build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]!.text);
    scripts.set(entry.href, script);
  }
  return script;
}

let flagCleared = false;

/**
 * Heap limits for a worker thread that V8 really applies. `shortlist` starts Node with `--max-semi-space-size` to
 * keep the main thread's young generation small, and V8 lets that process-wide flag override every thread's own
 * young-generation limit. A flag only sizes heaps created after it is set, so clearing it here, once the main
 * thread's heap exists, leaves the main thread as configured and lets each worker pool size its own threads.
 */
export function workerLimits(limits: ResourceLimits): ResourceLimits {
  if (!flagCleared) {
    setFlagsFromString('--max-semi-space-size=0');
    flagCleared = true;
  }
  return limits;
}
