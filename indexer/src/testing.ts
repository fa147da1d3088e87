export { generateCourses, generatedProviders, testCourse } from './test-courses.ts';
export { catalogueSnapshot, type CatalogueSnapshot } from './catalogue/snapshot.ts';
export { threadScheduling } from './thread-scheduling.ts';
