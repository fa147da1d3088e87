import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `file` (if new) readable by its owner only, in folders only its owner may enter: the catalogue holds
 * partner key hashes and feed URLs. SQLite gives its -wal and -shm files the mode of the database file.
 */
export function createPrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
}

/** The paths among `paths` that other users of this machine may read or enter, with their modes. */
export function openToOthers(paths: string[]): { path: string; mode: string }[] {
  return paths
    .filter((path) => existsSync(path))
    .map((path) => ({ path, mode: statSync(path).mode & 0o777 }))
    .filter(({ mode }) => (mode & 0o077) !== 0)
    .map(({ path, mode }) => ({ path, mode: mode.toString(8) }));
}
