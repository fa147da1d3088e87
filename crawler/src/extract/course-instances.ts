import { readSchedule } from './course-schedule.ts';
import { firstTextOf, textsOf } from '../linked-data/node-text.ts';
import { hasType, nodesOf, schemaTerm, valuesOf } from './schema-org-node.ts';
import type { SchemaNode } from './schema-org-node.ts';

/** What the runs of a course (its `CourseInstance`s) say about it, gathered into one course. */
export interface InstanceFacts {
  modes: string[];
  duration?: string;
  workload?: string;
  startDates: string[];
  location?: LocationFacts;
  offers: SchemaNode[];
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

export function readInstances(instances: readonly SchemaNode[]): InstanceFacts {
  const facts: InstanceFacts = { modes: [], startDates: [], offers: [] };
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
    facts.startDates.push(...textsOf(instance, 'startDate'));
    for (const schedule of nodesOf(instance, 'courseSchedule'))
      facts.startDates.push(...textsOf(schedule, 'startDate'));
    facts.location ??= readLocation(nodesOf(instance, 'location'));
    facts.offers.push(...nodesOf(instance, 'offers'));
  }
  return facts;
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
