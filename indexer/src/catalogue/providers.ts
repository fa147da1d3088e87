import { Provider } from '@shortlist/schemas';
import type { CatalogueDatabase } from './database.ts';

/** The providers whose courses the catalogue lists. */
export class Providers {
  private cache: Map<string, Provider> | null = null;

  constructor(private readonly db: CatalogueDatabase) {}

  /** Stores the provider; false when it was stored already exactly so. */
  save(provider: Provider): boolean {
    const data = JSON.stringify(Provider.parse(provider));
    const existing = this.db.sql('SELECT data FROM providers WHERE id = ?').get(provider.id) as
      { data: string } | undefined;
    if (existing?.data === data) return false;
    this.db
      .sql(
        'INSERT INTO providers (id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      )
      .run(provider.id, data, new Date().toISOString());
    this.cache = null;
    return true;
  }

  get(id: string): Provider | undefined {
    const row = this.db.sql('SELECT data FROM providers WHERE id = ?').get(id) as
      { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Provider) : undefined;
  }

  list(): Provider[] {
    const rows = this.db.sql('SELECT data FROM providers ORDER BY id').all() as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as Provider);
  }

  /** Providers by id, read once and again after a provider changes. */
  cached(id: string): Provider | undefined {
    this.cache ??= new Map(this.list().map((provider) => [provider.id, provider]));
    return this.cache.get(id);
  }
}
