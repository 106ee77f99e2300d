/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes the items as arguments,
 * which overflows the stack at about 120,000 of them (a KafkaTopology file of that many topics).
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
