#!/usr/bin/env -S node --max-semi-space-size=8
// A smaller young generation than V8's default 16 MB semi-space: a 100,000-row feed import then peaks at about
// 280 MB instead of over 300 MB, at the same speed (npm run bench:feed reads the flags from this line).
// Runs the TypeScript source directly: server code is not built (see ARCHITECTURE.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
