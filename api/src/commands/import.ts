import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { FeedError } from '@shortlist/crawler/feeds';
import { parseFeedOptions, type RawFeedOptions } from '@shortlist/schemas';
import { runFeed } from '../feeds/pipeline.ts';
import { describeReport, feedReport } from '../feeds/report.ts';
import { checkWorkersFor } from '../feeds/runner.ts';
import { openServices } from '../services.ts';
import { importRecords } from './import-records.ts';

export interface ImportArgs extends RawFeedOptions {
  provider?: string;
}

/**
 * `shortlist import <file>`: with `--provider`, a partner feed in any format through the same pipeline and
 * report as the API; without, the bulk import of records in the @shortlist/schemas shape (`--format json`).
 * Works while `shortlist start` runs on the same data folder, and waits until the index has the changes.
 */
export async function importCommand(file: string, args: ImportArgs): Promise<void> {
  if (!existsSync(file)) throw new Error(`no file "${file}"`);
  const settings = parseFeedOptions(args);
  if (!args.provider && settings.format !== undefined && settings.format !== 'json')
    throw new Error(
      `--format ${settings.format} is a partner feed: give the provider it belongs to with --provider ID`,
    );
  const services = await openServices();
  try {
    if (!args.provider) {
      const result = await importRecords(services.store, createReadStream(file), {
        onBatch: (done) =>
          done % 5000 === 0 && console.error(`imported ${done.toLocaleString('en')} records…`),
      });
      for (const problem of result.problems.slice(0, 200))
        console.error(
          `record ${problem.row} (index ${problem.row - 1})${problem.field ? ` [${problem.field}]` : ''}: ${problem.message}`,
        );
      if (result.problems.length > 200) console.error(`… and ${result.problems.length - 200} more problems`);
      console.log(
        `${result.records} records: ${result.imported} imported (${result.counts.new} new, ${result.counts.changed} changed, ${result.counts.unchanged} unchanged), ${result.invalid} invalid; ${result.providers} providers.`,
      );
    } else {
      const provider = services.store.getProvider(args.provider);
      if (!provider)
        throw new Error(
          `no provider "${args.provider}" in the catalogue; create it with: shortlist partner create --name NAME --provider ${args.provider}`,
        );
      const jobs = services.store.feedJobs;
      const job = jobs.create({
        providerId: provider.id,
        partnerId: null,
        origin: 'cli',
        source: basename(file),
        format: settings.format ?? null,
        mode: settings.mode,
        dryRun: settings.dryRun,
        options: { ...args },
      });
      console.error(`reading ${file}…`);
      try {
        await runFeed(services.store, jobs, {
          jobId: job.id,
          provider,
          input: createReadStream(file, { highWaterMark: 256 * 1024 }),
          mode: settings.mode,
          dryRun: settings.dryRun,
          limits: settings.limits,
          read: {
            format: settings.format,
            mapping: settings.mapping,
            delimiter: settings.delimiter,
            fileName: file,
          },
          receivedAt: new Date().toISOString(),
          workers: checkWorkersFor(statSync(file).size, settings.dryRun),
          onApply: (courses) =>
            console.error(`applying ${courses.toLocaleString('en')} courses in one transaction…`),
        });
      } catch (error) {
        if (!(error instanceof FeedError)) throw error;
      }
      const report = feedReport(jobs, jobs.get(job.id)!);
      console.log(describeReport(report));
      if (report.error || report.blocked) process.exitCode = 1;
    }
    await services.sync.flush();
  } finally {
    await services.close();
  }
}
