import type { FeedProblem, FeedReport } from '@shortlist/schemas';

export type { FeedProblem, FeedReport };

/** The parts of the partner API's answers that the partner page reads (see the partner guide). */
export interface FeedUrl {
  id: string;
  url: string;
  intervalMinutes: number;
  lastPolledAt: string | null;
  lastError: string | null;
  lastJobId: string | null;
  options: Record<string, string>;
}

export interface Me {
  partner: { id: string; name: string };
  provider: { id: string; name: string };
}

export class PartnerApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Calls the partner API with the key; answers with the parsed JSON, or throws the API's error message. */
export async function partnerFetch<T>(key: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { Accept: 'application/json', ...init.headers, Authorization: `Bearer ${key}` },
  });
  const body = (await response.json().catch(() => ({}))) as T & { error?: { message: string } };
  if (!response.ok) throw new PartnerApiError(body.error?.message ?? `request failed with ${response.status}`, response.status); // prettier-ignore
  return body;
}

/** Downloads a file that needs the key (the annotated CSV) and hands it to the browser as a download. */
export async function downloadWithKey(key: string, path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${key}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message: string } };
    throw new PartnerApiError(
      body.error?.message ?? `download failed with ${response.status}`,
      response.status,
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
