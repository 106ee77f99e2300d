import type { Document } from 'yaml';
import { OffsetMap } from '../../base/offsetMap';
import { documentRevision } from './revisions';

// A file of 200 Strimzi resources is read again on every keystroke, though the keystroke changed
// one of them. What is read from one YAML document is kept with the document (documents.ts takes
// an unchanged document over from the file's previous version), and taken again while the document
// has not been changed in place. When text before it changed length the document moved, and the
// facts kept are moved with it, as documents.ts moves the document's nodes.

export interface Kept<T> {
  revision: number;
  start: number;
  facts: T;
  /** Every offset the facts hold, found on their first move (facts are not changed after reading). */
  positions?: FactPositions;
}

/**
 * Reads facts of one YAML document with `read`, or takes the ones read from it before (moved to
 * where the document now starts). `cache` is the reader's own: one per kind of facts.
 */
export function documentFacts<T>(cache: WeakMap<Document, Kept<T>>, document: Document.Parsed, read: (document: Document.Parsed) => T): T {
  const start = document.range[0];
  const revision = documentRevision(document);
  const kept = cache.get(document);
  if (kept && kept.revision === revision) return movedTo(kept, start);
  const facts = read(document);
  cache.set(document, { revision, start, facts });
  return facts;
}

/** The facts kept, moved in place to `start` when they were read elsewhere. */
export function movedTo<T>(kept: Kept<T>, start: number): T {
  if (kept.start !== start) {
    kept.positions ??= factPositions(kept.facts);
    movePositions(kept.positions, start - kept.start);
    kept.start = start;
  }
  return kept.facts;
}

export function factsCache<T>(): WeakMap<Document, Kept<T>> {
  return new WeakMap();
}

/**
 * Keys of facts that hold no offsets in the file: a setting's key shape (a Strimzi setting's spans
 * there are placeholders, not positions) and its entry in the property catalog, which is shared.
 */
const NOT_POSITIONS = new Set(['shape', 'lookup']);

const isRange = (value: object): value is { start: number; end: number } => {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as { start?: unknown }).start === 'number' && typeof (value as { end?: unknown }).end === 'number';
};

interface FactPositions {
  ranges: { start: number; end: number }[];
  maps: OffsetMap[];
}

/**
 * Every `{ start, end }` range and offset map held in `facts`, reached through plain objects, arrays
 * and maps, once each however often it is shared. YAML nodes (class instances) move with their
 * document and are left alone, and so are functions.
 */
function factPositions(facts: unknown): FactPositions {
  const found: FactPositions = { ranges: [], maps: [] };
  const seen = new Set<object>();
  const stack: unknown[] = [facts];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof OffsetMap) found.maps.push(value);
    else if (value instanceof Map) for (const [key, item] of value) stack.push(key, item);
    else if (Array.isArray(value)) for (const item of value) stack.push(item);
    else if (Object.getPrototypeOf(value) === Object.prototype) {
      if (isRange(value)) found.ranges.push(value);
      else for (const [key, item] of Object.entries(value)) if (!NOT_POSITIONS.has(key)) stack.push(item);
    }
  }
  return found;
}

function movePositions({ ranges, maps }: FactPositions, delta: number): void {
  for (const range of ranges) {
    range.start += delta;
    range.end += delta;
  }
  for (const map of maps) map.move(delta);
}

/** Moves every offset held in `facts` by `delta`, in place (see factPositions). */
export function moveFacts(facts: unknown, delta: number): void {
  movePositions(factPositions(facts), delta);
}
