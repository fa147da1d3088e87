import { existsSync, rmSync } from 'node:fs';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { FeedError, ForeignProviderError } from '@shortlist/crawler/feeds';
import {
  FEED_OPTION_NAMES,
  FeedOptionError,
  parseFeedOptions,
  type RawFeedOptions,
} from '@shortlist/schemas';
import { apiError } from '../../errors.ts';
import { annotatedCsv } from '../../feeds/annotate.ts';
import { feedReport, feedReportResponse } from '../../feeds/report.ts';
import type { FeedRunner, JobOptions } from '../../feeds/runner.ts';
import type { PartnerVariables } from './auth.ts';
import type { PartnerSettings } from './env.ts';
import { spoolRequest } from './upload.ts';

const UPLOAD_RETRY_SECONDS = 10;

/** Options from the query string, overridden by form fields sent with a multipart upload. */
function optionsOf(query: Record<string, string>, fields: Record<string, string>): RawFeedOptions {
  const options: RawFeedOptions = {};
  for (const name of FEED_OPTION_NAMES) {
    const value = fields[name] ?? query[name];
    if (value !== undefined) options[name] = value;
  }
  return options;
}

/** Answers a feed that could not be read (400, naming the line) or that wrote another provider's course (403). */
export function feedErrorResponse(error: unknown): never {
  if (error instanceof ForeignProviderError)
    throw apiError(403, `${error.message} Nothing was changed.`, 'body');
  if (error instanceof FeedError)
    throw apiError(400, `${error.message} ${error.fix}`, error.parameter ?? 'body');
  if (error instanceof FeedOptionError) throw apiError(400, error.message, error.parameter);
  throw error;
}

export function feedRoutes({
  runner,
  settings,
  uploadsDir,
}: {
  runner: FeedRunner;
  settings: PartnerSettings;
  uploadsDir: string;
}) {
  const { jobs } = runner;
  /** uploads still arriving, per partner */
  const arriving = new Map<string, number>();
  return new Hono<{ Variables: PartnerVariables }>()
    .post('/', async (c) => {
      const partner = c.get('partner');
      const count = arriving.get(partner.id) ?? 0;
      if (count >= settings.maxConcurrentUploads)
        throw apiError(
          429,
          `${count} of your uploads are still arriving; send this one when one of them has finished (at most ${settings.maxConcurrentUploads} at a time).`,
          'body',
          { 'retry-after': String(UPLOAD_RETRY_SECONDS) },
        );
      arriving.set(partner.id, count + 1);
      let spooled;
      try {
        spooled = await spoolRequest(c.req.raw, uploadsDir, settings.maxFeedBytes);
      } finally {
        const left = arriving.get(partner.id)! - 1;
        if (left > 0) arriving.set(partner.id, left);
        else arriving.delete(partner.id);
      }
      const raw = optionsOf(c.req.query(), spooled.fields);
      let parsed;
      try {
        parsed = parseFeedOptions(raw);
      } catch (error) {
        rmSync(spooled.path, { force: true });
        return feedErrorResponse(error);
      }
      const options: JobOptions = {
        ...raw,
        contentType: spooled.contentType,
        ...(spooled.fileName ? { fileName: spooled.fileName } : {}),
      };
      await runner.writable();
      const job = jobs.create({
        providerId: partner.providerId,
        partnerId: partner.id,
        origin: 'upload',
        source: spooled.fileName ?? (spooled.contentType || null),
        format: parsed.format ?? null,
        mode: parsed.mode,
        dryRun: parsed.dryRun,
        options: { ...options },
        uploadPath: spooled.path,
      });
      const asJob =
        (c.req.query('async') ?? spooled.fields.async) === 'true' || spooled.bytes > settings.syncFeedBytes;
      if (asJob) {
        runner.enqueue(job);
        const report = feedReport(jobs, jobs.get(job.id)!, { withProblems: false });
        return c.json(report, 202, { Location: report.links.self });
      }
      try {
        await runner.run(job);
      } catch (error) {
        feedErrorResponse(error);
      }
      return feedReportResponse(jobs, jobs.get(job.id)!);
    })
    .get('/', (c) => {
      const history = jobs.history(c.get('partner').providerId, 50);
      return c.json({ feeds: history.map((job) => feedReport(jobs, job, { withProblems: false })) });
    })
    .get('/:jobId', (c) =>
      feedReportResponse(jobs, ownJob(c.get('partner').providerId, c.req.param('jobId'))),
    )
    .get('/:jobId/annotated.csv', (c) => {
      const job = ownJob(c.get('partner').providerId, c.req.param('jobId'));
      if (job.status === 'queued' || job.status === 'running')
        throw apiError(
          409,
          `Feed ${job.id} is still ${job.status}; ask again when GET ${feedReport(jobs, job, { withProblems: false }).links.self} says done.`,
          'jobId',
        );
      if (job.summary?.error)
        throw apiError(
          409,
          `Feed ${job.id} could not be read, so it has no rows to annotate: ${job.summary.error.message}`,
          'jobId',
        );
      if (!job.uploadPath || !existsSync(job.uploadPath))
        throw apiError(
          410,
          `The file of feed ${job.id} is no longer kept (only the latest 50 are); send it again with dryRun=true to get a new report.`,
          'jobId',
        );
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${job.id}-annotated.csv"`);
      return stream(c, async (out) => {
        for await (const chunk of annotatedCsv(jobs, job)) await out.write(chunk);
      });
    });

  function ownJob(providerId: string, jobId: string) {
    const job = jobs.get(jobId);
    if (!job || job.providerId !== providerId)
      throw apiError(404, `No feed "${jobId}" of your provider; GET /v1/partner/feeds lists yours.`, 'jobId');
    return job;
  }
}
