import { openFeed, type FeedInput, type FeedProblem } from '@shortlist/crawler/feeds';
import type { CatalogueStore } from '@shortlist/indexer';
import { Provider, type Course } from '@shortlist/schemas';

const MAX_PROBLEMS = 10_000;

export interface RecordsImport {
  records: number;
  imported: number;
  invalid: number;
  counts: { new: number; changed: number; unchanged: number };
  providers: number;
  problems: FeedProblem[];
}

/**
 * The bulk import: a JSON array (or `{ "providers": [...], "courses": [...] }`) of complete records in the
 * @shortlist/schemas shape. Invalid records are reported by number and field; valid ones are written in
 * batches of `batchSize`, each batch one transaction, so an interrupted import leaves whole batches and a
 * rerun completes it without duplicates (records are keyed by id).
 */
export async function importRecords(
  store: CatalogueStore,
  input: FeedInput,
  { batchSize = 1000, onBatch = (_done: number) => {} } = {},
): Promise<RecordsImport> {
  const feed = await openFeed(input, { format: 'json', shape: 'course' });
  const result: RecordsImport = {
    records: 0,
    imported: 0,
    invalid: 0,
    counts: { new: 0, changed: 0, unchanged: 0 },
    providers: 0,
    problems: [],
  };
  const known = new Set(store.listProviders().map((provider) => provider.id));
  const unknown = new Set<string>();
  let batch: Course[] = [];
  const commit = () => {
    addProviders();
    if (batch.length === 0) return;
    for (const course of batch) {
      if (known.has(course.providerId) || unknown.has(course.providerId)) continue;
      unknown.add(course.providerId);
      result.problems.push({
        row: result.records,
        severity: 'warning',
        field: 'providerId',
        value: course.providerId,
        message: `providerId "${course.providerId}" is not a provider in the catalogue; its courses are listed under the id alone.`,
        fix: 'Add the provider under "providers" in the same file.',
      });
    }
    const written = store.upsertCourses(batch);
    result.counts.new += written.new;
    result.counts.changed += written.changed;
    result.counts.unchanged += written.unchanged;
    result.imported += batch.length;
    batch = [];
    onBatch(result.imported);
  };
  let providersSeen = 0;
  const addProviders = () => {
    for (; providersSeen < feed.providers.length; providersSeen++) {
      const parsed = Provider.safeParse(feed.providers[providersSeen]);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        result.problems.push({
          row: providersSeen + 1,
          severity: 'error',
          field: `providers.${issue.path.join('.')}`,
          value: null,
          message: `provider ${providersSeen + 1}: ${issue.path.join('.')}: ${issue.message}.`,
          fix: 'Providers need id, name, type, country (ISO 3166-1 alpha-2) and url.',
        });
        continue;
      }
      store.upsertProvider(parsed.data);
      known.add(parsed.data.id);
      result.providers++;
    }
  };
  for await (const record of feed.records) {
    result.records++;
    if (record.course) batch.push(record.course);
    else {
      result.invalid++;
      if (result.problems.length < MAX_PROBLEMS) result.problems.push(...record.problems);
    }
    if (batch.length >= batchSize) commit();
  }
  commit();
  result.problems.push(...feed.notes.problems);
  return result;
}
