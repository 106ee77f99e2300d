import { DFA, JS, NFA, TooManyNodesError, getIntersectionWords, isDisjointWith, type ReadonlyNFA } from 'refa';
import { TOPIC_ALPHABET, parseJavaRegex } from './javaRegex';

/**
 * Topic filters as finite automata over legal topic names (refa). Matching and overlap are
 * answered on automata, never by running a backtracking regex on user input.
 */
const MAX_NODES = 20_000;
const LEGAL_NAME = compileSource('[a-zA-Z0-9._\\-]+');

function compileSource(source: string): NFA {
  const { expression, maxCharacter } = JS.Parser.fromLiteral({ source, flags: '' }).parse();
  return NFA.fromRegex(expression, { maxCharacter }, { assertions: 'throw' }, new NFA.LimitedNodeFactory(MAX_NODES));
}

export interface CompiledFilter {
  /** Names the filter admits (restricted to legal topic names); undefined when unanalysable. */
  nfa?: NFA;
  /** Patterns that could not be analysed exactly, with the reason. */
  unanalysable: { pattern: string; reason: string }[];
  /** Patterns that are not valid Java regexes (MM2 fails to start on them). */
  invalid: string[];
}

/** The union of a list of Java regexes, as MM2's compilePatternList joins them with `|`. */
export function compilePatternList(patterns: readonly string[]): CompiledFilter {
  const unanalysable: CompiledFilter['unanalysable'] = [];
  const invalid: string[] = [];
  const sources: string[] = [];
  for (const pattern of patterns) {
    const parsed = parseJavaRegex(pattern);
    if (parsed.error) invalid.push(pattern);
    else if (parsed.topicSource === undefined) unanalysable.push({ pattern, reason: parsed.unanalysable ?? 'unknown' });
    else sources.push(`(?:${parsed.topicSource})`);
  }
  if (invalid.length || unanalysable.length) return { unanalysable, invalid };
  try {
    // An empty list compiles to a pattern that matches nothing (MirrorUtils.compilePatternList).
    const nfa = sources.length === 0 ? NFA.empty({ maxCharacter: 0xffff }) : compileSource(sources.join('|'));
    return { nfa: intersection(nfa, LEGAL_NAME), unanalysable, invalid };
  } catch (error) {
    return { unanalysable: [{ pattern: patterns.join(', '), reason: describeFailure(error) }], invalid };
  }
}

function describeFailure(error: unknown): string {
  return error instanceof TooManyNodesError ? 'too many automaton states' : `cannot be analysed (${(error as Error).message})`;
}

export function intersection(a: ReadonlyNFA, b: ReadonlyNFA): NFA {
  return NFA.fromIntersection(a, b, new NFA.LimitedNodeFactory(MAX_NODES));
}

/** `include` minus `exclude`, as DefaultTopicFilter applies them. */
export function difference(include: ReadonlyNFA, exclude: ReadonlyNFA): NFA {
  const complement = DFA.fromFA(exclude, new DFA.LimitedNodeFactory(MAX_NODES));
  complement.complement();
  return intersection(include, NFA.fromFA(complement));
}

/** The shortest name in `a ∩ b`, or undefined when they are disjoint. */
export function intersectionWitness(a: ReadonlyNFA, b: ReadonlyNFA): string | undefined {
  if (isDisjointWith(a, b, MAX_NODES)) return undefined;
  for (const word of getIntersectionWords(a, b, MAX_NODES)) return String.fromCharCode(...word);
  return undefined;
}

/** The shortest names the automaton accepts (at most `limit`). */
export function shortestNames(nfa: ReadonlyNFA, limit: number): string[] {
  const names: string[] = [];
  for (const wordSet of nfa.wordSets()) {
    const name = wordSet.map((set) => String.fromCharCode(pickChar(set.ranges))).join('');
    if (!names.includes(name)) names.push(name);
    if (names.length >= limit) break;
  }
  return names;
}

/** A readable representative of a character set: a lowercase letter, a digit, then the rest. */
const READABLE_ORDER = `x${TOPIC_ALPHABET}`;
function pickChar(ranges: readonly { min: number; max: number }[]): number {
  for (const preferred of READABLE_ORDER) {
    const code = preferred.charCodeAt(0);
    if (ranges.some((r) => r.min <= code && code <= r.max)) return code;
  }
  return ranges[0].min;
}

/** A fast membership test: a minimal DFA when one fits the node budget, else the NFA. */
export function matcher(nfa: ReadonlyNFA): (name: string) => boolean {
  try {
    const dfa = DFA.fromFA(nfa, new DFA.LimitedNodeFactory(MAX_NODES));
    dfa.minimize();
    return (name) => dfa.test(toWord(name));
  } catch {
    return (name) => nfa.test(toWord(name));
  }
}

const toWord = (name: string): number[] => {
  const word = new Array<number>(name.length);
  for (let i = 0; i < name.length; i++) word[i] = name.charCodeAt(i);
  return word;
};

export function accepts(nfa: ReadonlyNFA, name: string): boolean {
  return nfa.test([...name].map((c) => c.charCodeAt(0)));
}

export { LEGAL_NAME };
