// The crawl process that `shortlist start` forks (api/src/commands/crawl-process.ts); runs the TypeScript source
// directly, as shortlist.js does.
import { register } from 'tsx/esm/api';

register();
await import('../src/commands/crawl-process-child.ts');
