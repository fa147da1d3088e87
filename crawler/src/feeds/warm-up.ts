import { checkFeedRows, openFeed } from './read-feed.ts';
import type { CheckedDigest } from './check-digest.ts';
import type { FeedContext } from './check-row.ts';

/** A made-up feed that states every fact a partner's CSV can, written the ways partners write them. */
const SAMPLE_FEED = [
  'course_id,title,url,summary,learning_outcomes,subjects,skills,duration,workload,cost,currency,mode,pacing,city,region,country,level,credit,credential,assessment,quality_assurance,endorsement,prerequisites,languages,start_dates,enrolment_url',
  'W-1,Welding Basics,https://warm-up.invalid/courses/welding,"Safe, clean MIG welding.",Set up a MIG welder | Weld a butt joint,Welding; Mechanical engineering,Welding; Health and safety,12 weeks,4-6 hours per week,"£1,450",,blended,scheduled,Leeds,West Yorkshire,GB,EQF 4,15 CATS,Professional certificate,Practical assessment,Regulated by Ofqual,Endorsed by The Welding Institute,None,en; cy,2027-01-11; 2027-04-12,https://warm-up.invalid/apply/W-1',
  'W-2,Data Analysis with Python,https://warm-up.invalid/courses/data,Clean and chart data.,Load a CSV file,Data science,Python,3-4 months,Approx. 40 hours,Free,EUR,online,self-paced,,,DE,introductory,5 ECTS,Digital badge,Online quiz,Accredited by FIBAA,,,de,,',
].join('\n');

const context: Omit<FeedContext, 'fieldName'> = {
  provider: { id: 'warm-up', country: 'GB', url: 'https://warm-up.invalid/' },
  fetchedAt: '2027-01-01T00:00:00.000Z',
  sourceUrl: 'https://warm-up.invalid/',
};

/**
 * Checks a small made-up feed once and returns its rows. The first rows a process checks compile the
 * normalisers' patterns and schemas: 35–110 ms in one go. A server calls this before it listens, so that the
 * first small feed it checks inline does not hold up the thread that answers HTTP.
 */
export async function warmUpFeedChecks(): Promise<CheckedDigest[]> {
  const rows: CheckedDigest[] = [];
  for await (const row of checkFeedRows(await openFeed(SAMPLE_FEED), context)) rows.push(row);
  return rows;
}
