import { DFA, JS, NFA, TooManyNodesError, getIntersectionWords, isDisjointWith, type ReadonlyNFA } from 'refa';
import { TOPIC_ALPHABET, parseJavaRegex } from './javaRegex';
import type { NameTrie } from './nameTrie';

/**
 * Topic filters as finite automata over legal topic names (refa). Matching and overlap are
 * answered on automata, never by running a backtracking regex on user input.
 */
const MAX_NODES = 20_000;
const MAX_SOURCE_LENGTH = 4 * MAX_NODES;
const LEGAL_NAME = compileSource('[a-zA-Z0-9._\\-]+');

function compileSource(source: string): NFA {
  const { expression, maxCharacter } = JS.Parser.fromLiteral({ source, flags: '' }).parse();
  return NFA.fromRegex(expression, { maxCharacter }, { assertions: 'throw' }, new NFA.LimitedNodeFactory(MAX_NODES));
}

export interface CompiledFilter {
  /** Names the filter admits (restricted to legal topic names); undefined when invalid or unanalysable. */
  nfa?: NFA;
  /** The joined pattern is not a valid Java regex: Pattern.compile's error (MM2 fails to start). */
  error?: { message: string; index: number };
  /** Why the (valid) pattern cannot be analysed exactly. */
  unanalysable?: string;
  /** The pattern MM2 compiles: the items joined with `|`. */
  joined: string;
}

/**
 * A regex list as MM2 compiles it (MirrorUtils.compilePatternList): the items (already split by
 * ConfigDef) joined with `|` into ONE pattern — so a comma inside a group or a class only becomes
 * an alternative, and a leading `(?i)` covers every later item. An empty list matches nothing.
 */
export function compilePatternList(items: readonly string[]): CompiledFilter {
  if (items.length === 0) return { nfa: NFA.empty({ maxCharacter: 0xffff }), joined: '' };
  const joined = items.join('|');
  const parsed = parseJavaRegex(joined);
  if (parsed.error) return { error: parsed.error, joined };
  if (parsed.topicSource === undefined) return { unanalysable: parsed.unanalysable ?? 'unknown', joined };
  // Every few characters of source make at least one automaton state: far longer sources exceed the
  // state limit anyway, and refa's parser would spend seconds finding that out.
  if (parsed.topicSource.length > MAX_SOURCE_LENGTH) return { unanalysable: 'too many automaton states', joined };
  try {
    return { nfa: intersection(compileSource(parsed.topicSource), LEGAL_NAME), joined };
  } catch (error) {
    return { unanalysable: describeFailure(error), joined };
  }
}

function describeFailure(error: unknown): string {
  return error instanceof TooManyNodesError ? 'too many automaton states' : `cannot be analysed (${(error as Error).message})`;
}

export function intersection(a: ReadonlyNFA, b: ReadonlyNFA): NFA {
  return NFA.fromIntersection(a, b, new NFA.LimitedNodeFactory(MAX_NODES));
}

/**
 * Results of binary operations on automata, kept for as long as both operands live. Filters are
 * shared between analyses by pattern text, so a search repeated over unchanged filters (the loop
 * search, on every keystroke) finds its intersections here. Callers must not change the results.
 */
export function rememberedPerPair<A extends object, B extends object, R>(operation: (a: A, b: B) => R): (a: A, b: B) => R {
  const results = new WeakMap<A, WeakMap<B, R>>();
  return (a, b) => {
    let byB = results.get(a);
    if (!byB) results.set(a, (byB = new WeakMap()));
    if (byB.has(b)) return byB.get(b) as R;
    const result = operation(a, b);
    byB.set(b, result);
    return result;
  };
}

export const sharedIntersection = rememberedPerPair<ReadonlyNFA, ReadonlyNFA, NFA>(intersection);
export const sharedDifference = rememberedPerPair<ReadonlyNFA, ReadonlyNFA, NFA>(difference);

// Every flow subtracts the same few exclude lists (most often the default): the determinised
// complement, most of a subtraction's work, is made once per exclude automaton.
const COMPLEMENTS = new WeakMap<ReadonlyNFA, NFA>();

function complementOf(nfa: ReadonlyNFA): NFA {
  let complement = COMPLEMENTS.get(nfa);
  if (!complement) {
    const dfa = DFA.fromFA(nfa, new DFA.LimitedNodeFactory(MAX_NODES));
    dfa.complement();
    COMPLEMENTS.set(nfa, (complement = NFA.fromFA(dfa)));
  }
  return complement;
}

/** `include` minus `exclude`, as DefaultTopicFilter applies them. */
export function difference(include: ReadonlyNFA, exclude: ReadonlyNFA): NFA {
  return intersection(include, complementOf(exclude));
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
  return nameMatcher(nfa).test;
}

export interface NameMatcher {
  test(name: string): boolean;
  /** The names of an index the automaton accepts. */
  select(names: NameTrie): string[];
}

/** Membership test and selection from an index, on a minimal DFA when one fits the node budget, else on the NFA. */
export function nameMatcher(nfa: ReadonlyNFA): NameMatcher {
  try {
    const dfa = DFA.fromFA(nfa, new DFA.LimitedNodeFactory(MAX_NODES));
    dfa.minimize();
    return { test: (name) => dfa.test(toWord(name)), select: (names) => names.acceptedBy(dfa) };
  } catch {
    const test = (name: string): boolean => nfa.test(toWord(name));
    return { test, select: (names) => names.withPrefix('').filter(test) };
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
