import { crawlSource, type CrawlSink } from '@shortlist/crawler';
import type { FromCrawlProcess, SinkMethod, ToCrawlProcess } from './crawl-messages.ts';

/**
 * The crawl process (see crawl-process.ts): crawls the sources it is sent and hands every write to the server, which
 * owns the catalogue. Ends when the server disconnects.
 */
const send = (message: FromCrawlProcess) => process.send!(message);

let nextCall = 0;
const calls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

const call =
  (method: SinkMethod) =>
  (...args: unknown[]): Promise<never> =>
    new Promise((resolve, reject) => {
      const id = nextCall++;
      calls.set(id, { resolve, reject });
      send({ type: 'sink', call: id, method, args });
    });

const sink: Required<CrawlSink> = {
  provider: call('provider'),
  courses: call('courses'),
  seen: call('seen'),
  pageState: call('pageState'),
  savePageState: call('savePageState'),
  withdrawUnseen: call('withdrawUnseen'),
  finished: call('finished'),
};

process.on('message', (message: ToCrawlProcess) => {
  if (message.type === 'answer') {
    const pending = calls.get(message.call);
    calls.delete(message.call);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.value);
    return;
  }
  const { run, source, userAgent, storageDir } = message;
  crawlSource(source, { sink, userAgent, storageDir }).then(
    (report) => send({ type: 'done', run, report }),
    (error: unknown) => send({ type: 'failed', run, error: (error as Error).message }),
  );
});
send({ type: 'ready' });
// the server ends it with SIGTERM (see CrawlProcess.stop) or by going away; the journal lets the crawl resume
process.once('disconnect', () => process.exit(0));
process.once('SIGTERM', () => process.exit(0));
