#!/usr/bin/env node
// `npm test`: formatting, import rules, lint, types and every package's tests, then one closing line that CI can read.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const packages = ['schemas', 'crawler', 'indexer', 'demo', 'api', 'web', 'test'];
for (const pkg of packages) rmSync(`${pkg}/test-results.json`, { force: true });

function run(command, args) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

run('npx', ['prettier', '--check', '.']);
run('node', ['scripts/check-imports.mjs']);
run('npx', [
  'turbo',
  'run',
  'lint',
  'typecheck',
  'test',
  '--concurrency=2',
  '--output-logs=errors-only',
  ...process.argv.slice(2),
]);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const pkg of packages) {
  const file = `${pkg}/test-results.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
