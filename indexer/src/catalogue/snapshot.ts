import Database from 'better-sqlite3';

export interface CatalogueSnapshot {
  listings: { id: string; providerId: string; status: string; contentHash: string; seq: number }[];
  records: {
    recordId: string;
    listingId: string;
    providerId: string;
    status: string;
    contentHash: string;
    urlKey: string;
  }[];
}

/**
 * Every listing and source record of a catalogue file, read through a connection of its own: for tests that check a
 * write left the catalogue whole, or untouched (after a crash, a refused feed, a dry run).
 */
export function catalogueSnapshot(file: string): CatalogueSnapshot {
  // not read-only: after a crash, opening recovers the file's write-ahead log
  const db = new Database(file, { fileMustExist: true });
  try {
    return {
      listings: db
        .prepare(
          'SELECT id, provider_id AS providerId, status, content_hash AS contentHash, seq FROM courses ORDER BY id',
        )
        .all() as CatalogueSnapshot['listings'],
      records: db
        .prepare(
          `SELECT record_id AS recordId, course_id AS listingId, provider_id AS providerId, status,
             content_hash AS contentHash, url_key AS urlKey FROM course_records ORDER BY record_id`,
        )
        .all() as CatalogueSnapshot['records'],
    };
  } finally {
    db.close();
  }
}
