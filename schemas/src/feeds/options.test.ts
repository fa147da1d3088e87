import { describe, expect, it } from 'vitest';
import { FEED_OPTION_NAMES, isSwitchOption, parseFeedOptions, type RawFeedOptions } from './options.ts';

describe('feed options', () => {
  it('defaults to an upsert with the safety limits, and reads every option given as text', () => {
    expect(parseFeedOptions({})).toEqual({
      mode: 'upsert',
      dryRun: false,
      limits: { maxWithdrawShare: 0.5, maxRejectedShare: 0.2 },
    });
    expect(
      parseFeedOptions({
        mode: 'replace',
        dryRun: '1',
        format: 'csv',
        mapping: 'Course name=title, Price=cost',
        delimiter: 'semicolon',
        maxWithdrawShare: '0.8',
      }),
    ).toEqual({
      mode: 'replace',
      dryRun: true,
      limits: { maxWithdrawShare: 0.8, maxRejectedShare: 0.2 },
      format: 'csv',
      mapping: { 'Course name': 'title', Price: 'cost' },
      delimiter: ';',
    });
  });

  it('takes an empty option, and format=auto, as not given', () => {
    expect(parseFeedOptions({ mode: '', format: 'auto', delimiter: '', mapping: '' })).toEqual(
      parseFeedOptions({}),
    );
  });

  it('lifts both limits with force; a share given with it still counts', () => {
    expect(parseFeedOptions({ force: 'true' }).limits).toEqual({ maxWithdrawShare: 1, maxRejectedShare: 1 });
    expect(parseFeedOptions({ force: 'true', maxRejectedShare: '0.4' }).limits).toEqual({
      maxWithdrawShare: 1,
      maxRejectedShare: 0.4,
    });
  });

  it('reads a mapping written as JSON, a column mapped to null being ignored', () => {
    expect(parseFeedOptions({ mapping: '{"Course name":"title","Notes":null}' }).mapping).toEqual({
      'Course name': 'title',
      Notes: null,
    });
  });

  it.each<[RawFeedOptions, string, RegExp]>([
    [
      { mode: 'merge' },
      'mode',
      /^mode must be "replace" \(the whole catalogue\) or "upsert" .*not "merge"\.$/,
    ],
    [{ dryRun: 'yes' }, 'dryRun', /^dryRun must be true or false, not "yes"\.$/],
    [{ format: 'xml' }, 'format', /^format must be one of csv, json, schemaorg, ctdl, elm .*not "xml"\.$/],
    [{ mapping: '{"a":' }, 'mapping', /^mapping is not valid JSON: .*Write \{"Your column":"title"\}\.$/],
    [{ mapping: '{"a":1}' }, 'mapping', /^mapping values must be Shortlist column names/],
    [
      { mapping: 'Course name' },
      'mapping',
      /^mapping entry "Course name" is not "Your column=shortlist_column"\.$/,
    ],
    [{ delimiter: 'pipe' }, 'delimiter', /^delimiter must be comma, semicolon or tab\.$/],
    [
      { maxWithdrawShare: '80%' },
      'maxWithdrawShare',
      /^maxWithdrawShare must be a share between 0 and 1, such as 0\.8, not "80%"\.$/,
    ],
    [{ maxRejectedShare: '1.5' }, 'maxRejectedShare', /not "1\.5"\.$/],
    [{ force: 'maybe' }, 'force', /^force must be true or false, not "maybe"\.$/],
  ])('refuses %o naming %s and how to write it', (raw, parameter, message) => {
    expect(() => parseFeedOptions(raw)).toThrow(
      expect.objectContaining({ parameter, message: expect.stringMatching(message) }),
    );
  });

  it('knows which options are switches, for the command line', () => {
    expect(FEED_OPTION_NAMES.filter(isSwitchOption)).toEqual(['dryRun', 'force']);
  });
});
