import { resolve } from 'node:path';
import { parseEnv } from '@shortlist/schemas';
import { z } from 'zod';

const Env = z.object({
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().min(16, 'MEILI_MASTER_KEY must be at least 16 bytes').optional(),
  SHORTLIST_DATA: z.string().default('data'),
});

export interface IndexerEnv {
  /** an external Meilisearch; when unset the bundled one is started */
  meiliUrl: string | undefined;
  meiliKey: string | undefined;
  /** folder holding the catalogue and the bundled Meilisearch's files */
  dataDir: string;
}

export function readIndexerEnv(env: NodeJS.ProcessEnv = process.env): IndexerEnv {
  const parsed = parseEnv(Env, env);
  return {
    meiliUrl: parsed.MEILI_URL,
    meiliKey: parsed.MEILI_MASTER_KEY,
    dataDir: resolve(parsed.SHORTLIST_DATA),
  };
}
