import type { ApiEnv } from '../env.ts';

export function userAgent(env: ApiEnv): string {
  return `ShortlistBot/0.1 (+${env.CRAWLER_CONTACT_URL})`;
}

/**
 * The fictional provider sites from test/ (the composition root is the one place allowed to reach
 * into test/, and only for `--demo`). Fixed ports keep course ids stable from one start to the next.
 */
export async function startDemo(port: number) {
  const { startDemoSites } = await import('../../../test/src/demo-sites.ts');
  return startDemoSites({ port });
}
