import './style.css';
import './partner.css';
import { byId, el } from './dom.ts';
import { renderHistory, renderReport } from './feed-report-view.ts';
import { downloadWithKey, partnerFetch, type FeedReport, type FeedUrl, type Me } from './partner-api.ts';

// The key lives for this tab only: never in localStorage, never in a URL.
const KEY_STORAGE = 'shortlist-partner-key';
let key = sessionStorage.getItem(KEY_STORAGE) ?? '';

const report = byId('report');

function showError(error: unknown) {
  report.replaceChildren(el('p', { class: 'outcome poor', role: 'alert' }, error instanceof Error ? error.message : String(error))); // prettier-ignore
}

async function showReport(jobId: string) {
  for (;;) {
    const current = await partnerFetch<FeedReport>(key, `/v1/partner/feeds/${jobId}`);
    report.replaceChildren(...renderReport(current, () => void download(current)));
    if (current.status !== 'queued' && current.status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await loadHistory();
}

async function download(current: FeedReport) {
  try {
    await downloadWithKey(key, current.links.annotatedCsv, `${current.jobId}-annotated.csv`);
  } catch (error) {
    showError(error);
  }
}

async function loadHistory() {
  const { feeds } = await partnerFetch<{ feeds: FeedReport[] }>(key, '/v1/partner/feeds');
  byId('history-panel').hidden = feeds.length === 0;
  byId('history').replaceChildren(...renderHistory(feeds, (chosen) => void showReport(chosen.jobId).catch(showError))); // prettier-ignore
}

async function loadFeedUrls() {
  const { feedUrls } = await partnerFetch<{ feedUrls: FeedUrl[] }>(key, '/v1/partner/feed-urls');
  byId('feed-urls').replaceChildren(
    ...feedUrls.map((feed) =>
      el(
        'li',
        {},
        el('code', {}, feed.url),
        ` every ${feed.intervalMinutes} min, ${feed.options.mode ?? 'upsert'}`,
        feed.lastPolledAt
          ? ` · last fetched ${new Date(feed.lastPolledAt).toLocaleString()}`
          : ' · not fetched yet',
        feed.lastError ? el('span', { class: 'poll-error' }, ` · ${feed.lastError}`) : null,
      ),
    ),
  );
}

async function signIn(candidate: string) {
  const me = await partnerFetch<Me>(candidate, '/v1/partner/me');
  key = candidate;
  sessionStorage.setItem(KEY_STORAGE, key);
  byId('who').textContent =
    `Sending feeds for ${me.provider.name} (${me.provider.id}) as ${me.partner.name}.`;
  byId('partner-tools').hidden = false;
  byId('forget-key').hidden = false;
  await Promise.all([loadHistory(), loadFeedUrls()]);
}

function signOut() {
  key = '';
  sessionStorage.removeItem(KEY_STORAGE);
  byId<HTMLInputElement>('key').value = '';
  byId('who').textContent = '';
  byId('partner-tools').hidden = true;
  byId('history-panel').hidden = true;
  byId('forget-key').hidden = true;
  report.replaceChildren();
}

byId('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const candidate = byId<HTMLInputElement>('key').value.trim();
  signIn(candidate).catch((error: unknown) => {
    byId('who').textContent = error instanceof Error ? error.message : String(error);
  });
});
byId('forget-key').addEventListener('click', signOut);

byId<HTMLFormElement>('upload-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const file = byId<HTMLInputElement>('file').files?.[0];
  if (!file) return;
  const text = (name: string) => {
    const value = new FormData(form).get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const query = new URLSearchParams({
    mode: text('mode') || 'upsert',
    dryRun: String(text('dryRun') === 'on'),
  });
  const format = text('format');
  const mapping = text('mapping');
  if (format) query.set('format', format);
  if (mapping) query.set('mapping', mapping);
  const body = new FormData();
  body.append('file', file, file.name);
  report.replaceChildren(el('p', { class: 'outcome fair' }, `Sending ${file.name}…`));
  partnerFetch<FeedReport>(key, `/v1/partner/feeds?${query}`, { method: 'POST', body })
    .then((sent) => showReport(sent.jobId))
    .catch(showError);
});

byId<HTMLFormElement>('url-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const url = byId<HTMLInputElement>('feed-url').value.trim();
  const mode = byId<HTMLSelectElement>('url-mode').value;
  report.replaceChildren(el('p', { class: 'outcome fair' }, `Fetching ${url}…`));
  const json = { method: 'POST', headers: { 'Content-Type': 'application/json' } };
  partnerFetch<FeedUrl>(key, '/v1/partner/feed-urls', { ...json, body: JSON.stringify({ url, mode }) })
    .then((feed) =>
      partnerFetch<{ status: string; jobId?: string; error?: string }>(
        key,
        `/v1/partner/feed-urls/${feed.id}/poll`,
        json,
      ),
    ) // prettier-ignore
    .then(async (polled) => {
      await loadFeedUrls();
      if (polled.jobId) return showReport(polled.jobId);
      report.replaceChildren(el('p', { class: polled.error ? 'outcome poor' : 'outcome good', role: 'status' }, polled.error ?? `Registered; the feed is ${polled.status}.`)); // prettier-ignore
    })
    .catch(showError);
});

if (key) {
  byId<HTMLInputElement>('key').value = key;
  signIn(key).catch(signOut);
}
