import { analyse } from 'scslre';
import { parseJavaRegex } from '../../../mm2/patterns/javaRegex';
import { BoundedCache } from '../../../base/cache';
import { regexLists } from './regexLists';
import type { Mm2Rule } from '../../types';

/**
 * Checks the backtracking shape of each regex. MM2 matches topic and group names with Java's
 * backtracking engine; a pattern with exponential or polynomial backtracking can stall a task on
 * a long name. The analysis (scslre) is static: the pattern is never run.
 */
type BacktrackingProblem = { exponential: boolean; character: string } | undefined;
const CACHE = new BoundedCache<string, BacktrackingProblem>(5000);

export function backtrackingProblem(pattern: string): BacktrackingProblem {
  return CACHE.get(pattern, analyseBacktracking);
}

/** Longer shapes are not analysed: scslre's work grows faster than the pattern (seconds at 200,000 characters). */
const MAX_SHAPE_LENGTH = 20_000;

function analyseBacktracking(pattern: string): BacktrackingProblem {
  const parsed = parseJavaRegex(pattern);
  if (parsed.shapeSource === undefined || parsed.shapeSource.length > MAX_SHAPE_LENGTH || parsed.unanalysable === 'possessive quantifier' || parsed.unanalysable === 'atomic group') return undefined;
  try {
    const result = analyse({ source: `^(?:${parsed.shapeSource})$`, flags: '' });
    // Polynomial backtracking (`.*a.*`) is bounded by Kafka's 249-character topic names to a few
    // ten thousand steps: reporting it would flag common, harmless patterns. Exponential is not bounded.
    const found = result.reports.find((report) => report.exponential);
    return found ? { exponential: found.exponential, character: found.character.pick } : undefined;
  } catch {
    return undefined;
  }
}

export const catastrophicPattern: Mm2Rule = {
  kind: 'mm2',
  meta: {
    id: 'catastrophic-pattern',
    group: 'properties',
    description: 'A topic or group regex that a backtracking engine (Java\'s, which MM2 uses) can take super-linear time on.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: { exponential: '`{{item}}` can backtrack exponentially: Java\'s regex engine may take exponential time on a name made of many `{{character}}` that does not match. Remove the nested or overlapping repetition (e.g. `(a+)+` → `a+`).' },
  },
  check({ mm2, report }) {
    for (const { items } of regexLists(mm2)) {
      for (const { item, range } of items) {
        const problem = range && backtrackingProblem(item);
        if (!problem || !range) continue;
        report({ messageId: 'exponential', data: { item, character: problem.character }, range });
      }
    }
  },
};
