import type { RawOffering } from '@shortlist/schemas';
import { readSchedule } from './course-schedule.ts';
import { firstTextOf, textsOf } from '../linked-data/node-text.ts';
import { hasType, nodesOf, schemaTerm, valuesOf } from '../linked-data/schema-org-node.ts';
import type { SchemaNode } from '../linked-data/schema-org-node.ts';

/** What the runs of a course (its `CourseInstance`s) say about it, gathered into one course. */
export interface InstanceFacts {
  modes: string[];
  duration?: string;
  workload?: string;
  startDates: string[];
  location?: LocationFacts;
  offers: SchemaNode[];
  /** one per instance that says anything of its own: its dates, mode, place */
  offerings: RawOffering[];
}

export interface LocationFacts {
  city?: string;
  region?: string;
  country?: string;
}

const ATTENDANCE_MODES: Record<string, string> = {
  OnlineEventAttendanceMode: 'online',
  OfflineEventAttendanceMode: 'in person',
  MixedEventAttendanceMode: 'blended',
};
const VIRTUAL: ReadonlySet<string> = new Set(['VirtualLocation']);
const ADDRESS: ReadonlySet<string> = new Set(['PostalAddress']);

/**
 * What a course's instances say: every mode and start date, the first duration and workload, their offers, the
 * place they all share (none when they differ), and each instance as an offering.
 */
export function readInstances(instances: readonly SchemaNode[]): InstanceFacts {
  const facts: InstanceFacts = { modes: [], startDates: [], offers: [], offerings: [] };
  const shared = new Map<string, LocationFacts>();
  for (const instance of instances) {
    const modes = [
      ...textsOf(instance, 'courseMode'),
      ...textsOf(instance, 'eventAttendanceMode').map((mode) => ATTENDANCE_MODES[schemaTerm(mode)] ?? mode),
    ];
    const places = valuesOf(instance, 'location');
    if (modes.length === 0 && places.some((place) => typeof place !== 'string' && hasType(place, VIRTUAL))) {
      modes.push('online');
    }
    facts.modes.push(...modes);
    const schedules = nodesOf(instance, 'courseSchedule').map(readSchedule);
    facts.duration ??=
      firstTextOf(instance, 'duration', 'timeRequired') ?? schedules.find((s) => s.duration)?.duration;
    facts.workload ??= firstTextOf(instance, 'courseWorkload') ?? schedules.find((s) => s.workload)?.workload;
    const startDates = [
      ...textsOf(instance, 'startDate'),
      ...nodesOf(instance, 'courseSchedule').flatMap((schedule) => textsOf(schedule, 'startDate')),
    ];
    facts.startDates.push(...startDates);
    const location = readLocation(nodesOf(instance, 'location'));
    if (location) shared.set(JSON.stringify(location), location);
    facts.offers.push(...nodesOf(instance, 'offers'));
    const offering = offeringOf(instance, modes, startDates, location);
    if (Object.keys(offering).length > 0) facts.offerings.push(offering);
  }
  if (shared.size === 1) facts.location = [...shared.values()][0];
  return facts;
}

function offeringOf(
  instance: SchemaNode,
  modes: readonly string[],
  startDates: readonly string[],
  location: LocationFacts | undefined,
): RawOffering {
  const only = <K extends keyof RawOffering>(key: K, value: RawOffering[K] | undefined) =>
    value === undefined || value === '' ? {} : { [key]: value };
  const instructors = textsOf(instance, 'instructor');
  return {
    ...only('reference', firstTextOf(instance, 'courseCode', 'identifier')),
    ...only('mode', modes.join(', ')),
    ...only('startDate', startDates[0]),
    ...only('endDate', firstTextOf(instance, 'endDate')),
    ...only('location', location ? [location.city, location.region].filter(Boolean).join(', ') : undefined),
    ...only('instructors', instructors.length > 0 ? instructors : undefined),
  };
}

/** City, region and country from the first `Place` (or `PostalAddress`) that has them. */
export function readLocation(places: readonly SchemaNode[]): LocationFacts | undefined {
  for (const place of places) {
    const addresses = hasType(place, ADDRESS) ? [place] : nodesOf(place, 'address');
    // an address given as one short word or two ("Cork") is a town; a longer one is a street address we cannot split
    const town = textsOf(place, 'address').find((text) => !/[\d,]/.test(text) && text.length <= 40);
    if (addresses.length === 0 && town && valuesOf(place, 'address').includes(town)) return { city: town };
    for (const address of addresses) {
      const location: LocationFacts = {};
      const city = firstTextOf(address, 'addressLocality');
      const region = firstTextOf(address, 'addressRegion');
      const country = firstTextOf(address, 'addressCountry');
      if (city) location.city = city;
      if (region) location.region = region;
      if (country) location.country = country;
      if (city ?? region ?? country) return location;
    }
  }
  return undefined;
}
