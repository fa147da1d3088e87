import { rebuildIndex } from '@shortlist/indexer';
import { openServices } from '../services.ts';

/** `shortlist reindex`: rebuilds the search index from the catalogue with no downtime. */
export async function reindexCommand(): Promise<void> {
  const services = await openServices();
  try {
    const { documents, seconds } = await rebuildIndex(services.store, services.index);
    console.log(
      `Rebuilt the index from the catalogue: ${documents} courses in ${seconds.toFixed(1)} s, swapped in atomically.`,
    );
  } finally {
    await services.close();
  }
}
