/**
 * The topic a pattern names when it is written as a plain name (`orders`, `billing.events`,
 * `billing\\.events`: a bare `.` also matches itself), or undefined for a real regex.
 */
export function literalTopic(pattern: string): string | undefined {
  return /^(?:[a-zA-Z0-9_-]|\\?\.)+$/.test(pattern) ? pattern.replace(/\\/g, '') : undefined;
}
