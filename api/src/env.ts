import { parseEnv } from '@shortlist/schemas';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  SHORTLIST_SOURCES: z.string().optional(),
  DEMO_PORT: z.coerce.number().int().min(1).max(65000).default(4100),
  CRAWLER_CONTACT_URL: z.url().default('https://github.com/shortlist-oss/shortlist#crawler'),
  /** set by npm for what it runs (`npm start`, `npx shortlist …`) */
  npm_command: z.string().optional(),
});

export type ApiEnv = z.infer<typeof Env>;

export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  return parseEnv(Env, env);
}

/** The address to print for the server: a loopback or wildcard address reads as localhost. */
export function serverUrl({ HOST, PORT }: Pick<ApiEnv, 'HOST' | 'PORT'>, port = PORT): string {
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(HOST);
  return `http://${local ? 'localhost' : HOST.includes(':') ? `[${HOST}]` : HOST}:${port}`;
}
