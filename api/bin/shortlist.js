#!/usr/bin/env node
// Runs the TypeScript source directly: server code is not built (see ARCHITECTURE.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
