// The mixed query set of `npm run bench:api` and `npm run bench:responsive`.

/** What learners send: words, typos, filters, multi-select, ranges, sorts, later pages. */
export const QUERIES = [
  'q=data',
  'q=analitycs',
  'q=project%20managment&mode=online',
  'q=cloud&sort=cost:asc',
  'mode=online,blended',
  'q=welding&maxWeeks=8',
  'minCost=100&maxCost=500&currency=GBP',
  'q=spanish&page=3',
  'field=06',
  'sort=duration:asc&free=true',
  'q=nursing&level=advanced,intermediate',
  'q=accounting&minHoursPerWeek=3&maxHoursPerWeek=5&sort=completeness:desc',
  'q=ux%20design&language=en',
  'freeClass=paid&sort=cost:desc',
  'q=solar&credential=certificate',
  'startsWithinDays=60&sort=start:asc',
  'city=City%207,City%2012&mode=online',
  'stackable=true&creditSystem=ECTS',
  'sort=newest',
  'q=early%20childhood&sort=costPerHour:asc',
];
