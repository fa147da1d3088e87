import type { ApiEnv } from '../env.ts';

export function userAgent(env: ApiEnv): string {
  return `ShortlistBot/0.1 (+${env.CRAWLER_CONTACT_URL})`;
}

/** The fictional provider sites, loaded only for `--demo`. Fixed ports keep course ids stable from one start to the next. */
export async function startDemo(port: number) {
  const { startDemoSites } = await import('@shortlist/demo');
  return startDemoSites({ port });
}
