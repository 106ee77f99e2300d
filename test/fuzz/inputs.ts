import * as fs from 'node:fs';
import * as path from 'node:path';
import { Random } from '../kafka/random';

/**
 * What the fuzz layer feeds MirrorLint: the examples and rule fixtures of each format, mutated the
 * way careless users and attackers do — byte flips, truncation, repeated lines, huge values and
 * files, NUL bytes, broken UTF-16, a BOM, CR and CRLF, deep nesting, YAML anchor bombs, multi-document
 * streams, `__proto__` keys, keys that are numbers or sequences, pathological regexes.
 */
export type Format = 'properties' | 'connect' | 'strimzi' | 'topology' | 'config';
export const FORMATS: Format[] = ['properties', 'connect', 'strimzi', 'topology', 'config'];

export interface FuzzInput {
  format: Format;
  /** Where the file pretends to live (its name decides how it is read). */
  uri: string;
  text: string;
  /** The seed and the mutations applied, to reproduce it. */
  origin: string;
}

const ROOT = path.join(__dirname, '..', '..');

function filesBelow(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesBelow(path.join(folder, d.name)) : [path.join(folder, d.name)]));
}

function formatOf(file: string, text: string): Format | undefined {
  const name = path.basename(file);
  if (name === '.mirrorlint.yaml') return 'config';
  if (name.endsWith('.properties')) return 'properties';
  if (name.endsWith('.json') && /Mirror(Source|Checkpoint|Heartbeat)Connector/.test(text)) return 'connect';
  if (/\.ya?ml$/.test(name)) return /KafkaMirrorMaker2/.test(text) ? 'strimzi' : /KafkaTopology|KafkaTopic|KafkaUser/.test(text) ? 'topology' : undefined;
  return undefined;
}

const URI: Record<Format, string> = {
  properties: 'file:///fuzz/mm2.properties',
  connect: 'file:///fuzz/mirror-connector.json',
  strimzi: 'file:///fuzz/kafka-mirror-maker-2.yaml',
  topology: 'file:///fuzz/k1.topology.yaml',
  config: 'file:///fuzz/.mirrorlint.yaml',
};

/** The seeds of every format: the repository's examples and rule fixtures. */
export function seeds(): Map<Format, string[]> {
  const byFormat = new Map<Format, string[]>(FORMATS.map((f) => [f, []]));
  for (const file of [...filesBelow(path.join(ROOT, 'examples')), ...filesBelow(path.join(ROOT, 'test', 'rules', 'fixtures'))]) {
    const text = fs.readFileSync(file, 'utf8');
    const format = formatOf(file, text);
    if (format) byFormat.get(format)!.push(text);
  }
  return byFormat;
}

const HOSTILE_VALUES = ['(a+)+$', '(a|aa)+b', `${'('.repeat(2000)}x${')'.repeat(2000)}`, 'a{1,100000}', `(${Array.from({ length: 3000 }, (_, i) => `t${i}`).join('|')})`, '[a-z&&[^x&&[^y]]]{0,64}', '\\Q(\\E{99999}', '(?<=a{1,9999})b', 'x'.repeat(200_000), '${file:/etc/passwd:x}', '\u0000', '\uD800', '\uFFFF'];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '123', 'null', '~', '[a, b]', '{a: b}', '? complex', '*alias', '&anchor k'];

function mutateOnce(random: Random, text: string, format: Format): [string, string] {
  const lines = text.split(/\r?\n/);
  const at = random.int(Math.max(1, text.length));
  switch (random.int(17)) {
    case 0:
      return [text.slice(0, at) + String.fromCharCode(random.int(0x10000)) + text.slice(at + 1), 'flip'];
    case 1:
      return [text.slice(0, at), 'truncate'];
    case 2: {
      const i = random.int(lines.length);
      return [[...lines.slice(0, i), lines[i], lines[i], ...lines.slice(i)].join('\n'), 'duplicate line'];
    }
    case 3:
      return [text.slice(0, at) + random.pick(HOSTILE_VALUES) + text.slice(at), 'hostile value'];
    case 4:
      return [text.slice(0, at) + '\u0000'.repeat(1 + random.int(50)) + text.slice(at), 'NUL'];
    case 5:
      return [`\uFEFF${text}`, 'BOM'];
    case 6:
      return [random.chance(0.5) ? text.replace(/\r?\n/g, '\r') : text.replace(/\r?\n/g, '\r\n'), 'line breaks'];
    case 7:
      return [text.slice(0, at) + (format === 'connect' ? '['.repeat(3000) : format === 'properties' ? '\\\n'.repeat(3000) : `${'- '.repeat(1500)}x`) + text.slice(at), 'deep nesting'];
    case 8: {
      // Billion laughs: each level names the previous one ten times.
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
      return [format === 'properties' || format === 'connect' ? text + bomb : `${bomb}\n${text}`, 'alias bomb'];
    }
    case 9:
      return [`${text}\n---\n${text}\n---\n`, 'multi-document'];
    case 10: {
      const key = random.pick(HOSTILE_KEYS);
      const insert = format === 'connect' ? `"${key}": ${random.pick(['1', 'null', '[]', '{}', '"x"'])},` : format === 'properties' ? `${key} = ${random.pick(HOSTILE_VALUES.slice(0, 5))}\n` : `${key}: ${random.pick(['1', 'null', '[]', '{}', 'x'])}\n`;
      const i = random.int(lines.length);
      return [[...lines.slice(0, i), insert, ...lines.slice(i)].join('\n'), `key ${key}`];
    }
    case 11:
      return [lines.filter(() => random.chance(0.8)).join('\n'), 'drop lines'];
    case 12: {
      const i = random.int(lines.length);
      const j = random.int(lines.length);
      const swapped = [...lines];
      [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
      return [swapped.join('\n'), 'swap lines'];
    }
    case 13:
      return [text.repeat(2 + random.int(20)), 'repeat'];
    case 14:
      return [text.replace(/(:|=)\s*[^\n]*/, `$1 ${'y'.repeat(100_000 + random.int(400_000))}`), 'huge value'];
    case 15:
      return [text.replace(/[A-Za-z]+/g, (w) => (random.chance(0.05) ? random.pick(['K1', 'K2', 'A->B', '.', '', '->', 'us.east']) : w)), 'word swaps'];
    default:
      return [text.slice(0, at) + random.pick(['\t', ' ', '"', "'", '#', '!', '\\', ':', '{', '}', '[', ']', '*', '&', '|', '>', '-', '?']) + text.slice(at), 'punctuation'];
  }
}

/** `count` inputs of a format, reproducible from the seed. */
export function* inputs(format: Format, seedTexts: string[], count: number, seed: number): Generator<FuzzInput> {
  const random = new Random(seed ^ (FORMATS.indexOf(format) * 0x9e3779b9));
  for (let n = 0; n < count; n++) {
    const seedIndex = random.int(seedTexts.length);
    let text = seedTexts[seedIndex];
    const applied: string[] = [];
    const rounds = 1 + random.int(3);
    for (let r = 0; r < rounds; r++) {
      const [next, what] = mutateOnce(random, text, format);
      // Keep files within what an editor sends (the server refuses larger ones anyway).
      text = next.length > 4_000_000 ? next.slice(0, 4_000_000) : next;
      applied.push(what);
    }
    yield { format, uri: URI[format], text, origin: `${format} seed #${seedIndex}: ${applied.join(', ')}` };
  }
}
