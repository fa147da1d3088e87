import { describe, expect, it } from 'vitest';
import { crawlQueueStorage } from './crawl-queue.ts';

const request = (n: number) => ({ url: `https://x.example/${n}`, uniqueKey: `https://x.example/${n}` });

describe('the crawl request queue', () => {
  it('hands out requests in order, forefront first, locks them, and never queues a handled one again', async () => {
    const queue = crawlQueueStorage().requestQueue('default');
    for (let n = 1; n <= 3; n++) await queue.addRequest(request(n));
    await queue.addRequest(request(9), { forefront: true });
    const first = await queue.listAndLockHead({ limit: 2, lockSecs: 60 });
    expect(first.items.map((item) => item.url)).toEqual(['https://x.example/9', 'https://x.example/1']);
    // locked ones are not handed out twice
    const next = await queue.listAndLockHead({ limit: 5, lockSecs: 60 });
    expect(next.items.map((item) => item.url)).toEqual(['https://x.example/2', 'https://x.example/3']);

    const done = first.items[1]!;
    await queue.updateRequest({ ...request(1), id: done.id, handledAt: new Date().toISOString() });
    expect(await queue.addRequest(request(1))).toMatchObject({
      wasAlreadyPresent: true,
      wasAlreadyHandled: true,
    });
    await queue.deleteRequestLock(first.items[0]!.id);
    expect((await queue.listAndLockHead({ limit: 5, lockSecs: 60 })).items.map((item) => item.url)).toEqual([
      'https://x.example/9',
    ]);
    expect(await queue.get()).toMatchObject({
      totalRequestCount: 4,
      handledRequestCount: 1,
      pendingRequestCount: 3,
    });
  });

  it('gives a request added after another was deleted an id of its own', async () => {
    const queue = crawlQueueStorage().requestQueue('default');
    const first = await queue.addRequest(request(1));
    const second = await queue.addRequest(request(2));
    await queue.deleteRequest(first.requestId);
    const third = await queue.addRequest(request(3));
    expect(third.requestId).not.toBe(second.requestId);
    expect(await queue.getRequest(second.requestId)).toMatchObject({ url: 'https://x.example/2' });
    expect(await queue.getRequest(third.requestId)).toMatchObject({ url: 'https://x.example/3' });
  });

  it('hands out every one of 50,000 requests in order, and none again once handled', async () => {
    const queue = crawlQueueStorage().requestQueue('default');
    for (let n = 0; n < 50_000; n++) await queue.addRequest(request(n));
    for (let n = 0; n < 50_000; n += 25) {
      const { items } = await queue.listAndLockHead({ limit: 25, lockSecs: 60 });
      expect(items[0]!.url).toBe(`https://x.example/${n}`);
      for (const item of items)
        await queue.updateRequest({
          id: item.id,
          url: item.url,
          uniqueKey: item.uniqueKey,
          handledAt: 'now',
        });
    }
    expect((await queue.listAndLockHead({ limit: 25, lockSecs: 60 })).items).toEqual([]);
  });
});
