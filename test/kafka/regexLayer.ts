import { propertyInfo } from '../../server/src/core/mm2/catalog';
import { validateListItems } from '../../server/src/core/mm2/values';
import { kafkaSemantics, type KafkaSemantics } from '../../server/src/core/mm2/versions';
import { listItems } from '../../server/src/core/model/flows';
import { compilePatternList, matcher } from '../../server/src/core/mm2/patterns/automata';
import { ask, type KafkaRuntime } from './java';
import { Random } from './random';
import type { LayerResult, Disagreement } from './report';

/**
 * Layer 1: java.util.regex as MM2 uses it (DefaultTopicFilter: ConfigDef LIST split, items joined
 * with `|`, one Pattern, matches()) against MirrorLint's parser and automata, on generated
 * patterns covering every construct MirrorLint accepts and topics biased towards near-misses.
 */
const TOPIC_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-';
const WORDS = ['orders', 'pay', 'a', 'b', 'x', 'K1', 'tmp', 'Audit', 'v2', 'internal', 'replica', 'heartbeats'];

function literal(random: Random): string {
  return random.chance(0.6) ? random.pick(WORDS) : Array.from({ length: 1 + random.int(3) }, () => random.pick([...TOPIC_CHARS, '\\.', '\\-', ' ', ','])).join('');
}

function charClass(random: Random): string {
  const members = ['a-z', 'A-Z', '0-9', '._', 'ab', '^x', 'a-c&&[b-d]', '\\d', '\\w', '\\p{Lower}', '\\P{Digit}', '\\s', 'a,b', '[xy]', '\\-', '^a-z&&[^q]', '\\Q.-\\E', 'x&&[^x]'];
  const first = random.pick(members);
  const negate = first.startsWith('^') ? '' : random.chance(0.15) ? '^' : '';
  return `[${negate}${first}${random.chance(0.3) ? random.pick(members.filter((m) => !m.startsWith('^'))) : ''}]`;
}

function escape(random: Random): string {
  return random.pick(['\\d', '\\w', '\\W', '\\s', '\\S', '\\.', '\\u0061', '\\x2D', '\\x{5F}', '\\0141', '\\t', '\\Qa.b\\E', '\\Q(\\E', '\\p{Alpha}', '\\p{IsLatin}', '\\p{javaLowerCase}', '\\pL', '\\b', '\\B', '\\A', '\\z', '\\Z', '\\G', '\\h', '\\R', '\\k<n>', '\\1', '\\y', '\\c', '\\N{LATIN SMALL LETTER A}', '\\e']);
}

function quantifier(random: Random): string {
  const base = random.pick(['*', '+', '?', '{2}', '{1,}', '{0,2}', '{1,3}', '{3,1}', '{,2}', '{2', '{100,105}']);
  return `${base}${random.pick(['', '', '', '?', '+'])}`;
}

function atom(random: Random, depth: number): string {
  const r = random.next();
  if (r < 0.3) return literal(random);
  if (r < 0.42) return charClass(random);
  if (r < 0.52) return escape(random);
  if (r < 0.58) return '.';
  if (depth > 2) return literal(random);
  const inner = sequence(random, depth + 1);
  return random.pick([`(${inner})`, `(?:${inner})`, `(?i)${inner}`, `(?i:${inner})`, `(?-i:${inner})`, `(?=${inner})`, `(?!${inner})`, `(?<=${inner})`, `(?<!${inner})`, `(?>${inner})`, `(?<n>${inner})`, `(?x)${inner} # c`, `(${inner}|${sequence(random, depth + 1)})`, `(${inner}`, `${inner})`]);
}

function sequence(random: Random, depth: number): string {
  const parts: string[] = [];
  const length = 1 + random.int(3);
  for (let i = 0; i < length; i++) {
    let part = atom(random, depth);
    if (random.chance(0.3)) part += quantifier(random);
    parts.push(part);
  }
  let text = parts.join('');
  if (random.chance(0.1)) text = `^${text}`;
  if (random.chance(0.1)) text = `${text}$`;
  if (random.chance(0.15)) text = `${text}|${sequence(random, depth + 1)}`;
  return text;
}

/** A `topics` value: one or more items, separated the ways people write them. */
export function patternValue(random: Random): string {
  const items = Array.from({ length: 1 + (random.chance(0.4) ? random.int(3) : 0) }, () => sequence(random, 0));
  return items.join(random.pick([',', ', ', ' , ', ',\t']));
}

/** Topic names near the pattern: its literal pieces, mutated; some random names; some case flips. */
export function topicsFor(random: Random, value: string, count: number): string[] {
  const pieces = value.replace(/\\[QE]/g, '').split(/[^a-zA-Z0-9._-]+/).filter(Boolean);
  const topics = new Set<string>();
  while (topics.size < count) {
    let name: string;
    const r = random.next();
    if (r < 0.5 && pieces.length) name = Array.from({ length: 1 + random.int(2) }, () => random.pick(pieces)).join(random.pick(['', '', '.', '-', '_']));
    else if (r < 0.8) name = Array.from({ length: 1 + random.int(6) }, () => random.pick([...TOPIC_CHARS])).join('');
    else name = random.pick(WORDS);
    const mutate = random.next();
    if (mutate < 0.2) name = name.slice(0, -1);
    else if (mutate < 0.35) name += random.pick([...TOPIC_CHARS]);
    else if (mutate < 0.45) name = name.toUpperCase();
    else if (mutate < 0.5) name = `${random.pick([...TOPIC_CHARS])}${name}`;
    if (name.length > 0 && name.length <= 249) topics.add(name);
    if (topics.size === 0 && random.chance(0.01)) topics.add('x');
  }
  return [...topics];
}

interface Answer {
  id: number;
  ok?: boolean;
  error?: string;
  matches?: (boolean | null)[];
  harnessError?: string;
}

const TOPICS = propertyInfo('topics')!;

/**
 * What MirrorLint makes of a `topics` value: the list validation of the release (TopicFilterConfig
 * parses the list; a repeated item is only dropped there), then the one compiled pattern MM2 builds.
 */
function mirrorLintVerdict(value: string, kafka: KafkaSemantics): { compiles: boolean; error?: string; decide?: (topic: string) => boolean } {
  const listProblem = validateListItems(TOPICS, value, kafka);
  if (listProblem?.listCheck === 'empty-item') return { compiles: false, error: listProblem.message };
  const compiled = compilePatternList(listItems(value, kafka));
  if (compiled.error) return { compiles: false, error: compiled.error.message };
  if (!compiled.nfa) return { compiles: true };
  const test = matcher(compiled.nfa);
  return { compiles: true, decide: test };
}

export async function regexLayer(runtime: KafkaRuntime, pairs: number, seed: number): Promise<LayerResult> {
  const random = new Random(seed);
  const requests: { id: number; value: string; topics: string[] }[] = [];
  let total = 0;
  while (total < pairs) {
    const value = patternValue(random);
    const topics = topicsFor(random, value, 10);
    requests.push({ id: requests.length, value, topics });
    total += topics.length;
  }
  const answers = await ask<typeof requests[number], Answer>(runtime, 'org.apache.kafka.connect.mirror.MirrorLintOracle', ['regex'], requests, 10 * 60_000);
  const kafka = kafkaSemantics(runtime.version);
  const result: LayerResult = { layer: 'regex', version: runtime.version, cases: 0, agreements: 0, undecided: 0, disagreements: [] };
  for (const request of requests) {
    const answer = answers.get(request.id)!;
    const ours = mirrorLintVerdict(request.value, kafka);
    const disagree = (what: string, detail: Record<string, unknown>): void => {
      result.disagreements.push({ layer: 'regex', version: runtime.version, kind: what, subject: request.value, detail } satisfies Disagreement);
    };
    if (answer.harnessError) throw new Error(`regex harness failed on ${JSON.stringify(request.value)}: ${answer.harnessError}`);
    result.cases += request.topics.length;
    if (!answer.ok) {
      if (ours.compiles) {
        disagree('java rejects, MirrorLint accepts', { java: answer.error });
        continue;
      }
      result.agreements += request.topics.length;
      continue;
    }
    if (!ours.compiles) {
      disagree('java compiles, MirrorLint rejects', { mirrorlint: ours.error });
      continue;
    }
    request.topics.forEach((topic, i) => {
      const java = answer.matches![i];
      if (java === null || ours.decide === undefined) {
        result.undecided++;
        return;
      }
      const mine = ours.decide(topic);
      if (mine === java) result.agreements++;
      else disagree('match differs', { topic, java, mirrorlint: mine });
    });
  }
  return result;
}
