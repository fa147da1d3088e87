/**
 * The CPU time that `work` takes in this process, in ms. Unlike wall time it does not grow while the machine
 * is busy with other work, so a test can bound it without racing the clock.
 */
export function cpuTimeMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}
