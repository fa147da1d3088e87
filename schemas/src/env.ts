import type { z } from 'zod';

/**
 * Reads settings from the environment. A variable set to the empty string counts as unset (`PORT=` is not port 0,
 * `SHORTLIST_DATA=` is not the current folder); anything invalid is refused, naming each variable and the fix.
 */
export function parseEnv<Schema extends z.ZodType>(schema: Schema, env: NodeJS.ProcessEnv): z.output<Schema> {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(set);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment: ${problems.join('; ')}`);
}
