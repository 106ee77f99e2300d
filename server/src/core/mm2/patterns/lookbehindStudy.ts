/**
 * Whether java.util.regex accepts a lookbehind: Pattern compiles the lookbehind's node chain and
 * "studies" it for a maximum length (TreeInfo), in 32-bit ints, and refuses the lookbehind when that
 * length is not valid — which depends on the node types Java builds and on where an addition
 * overflows (`(?:ab)*?` is refused, `(?:a-b)*?` is not: 3 × MAX_REPS wraps to a positive int). This
 * mirrors the node types and their study() arithmetic (OpenJDK's Pattern.java); the Kafka-oracle
 * layer checks it against java.util.regex itself.
 */
export type JavaNode =
  /** A character, a class, a literal run: CharProperty, BmpCharProperty, SliceNode, LineEnding. */
  | { t: 'len'; min: number; max: number; charProperty: boolean }
  /** `\X`: counts towards the minimum only. */
  | { t: 'grapheme' }
  /** Anchors, boundaries, lookarounds: zero width. */
  | { t: 'zero' }
  | { t: 'backref' }
  /** A greedy `*`, `+` or `{n,}` of one CharProperty: CharPropertyGreedy. */
  | { t: 'greedy'; cmin: number }
  /** `?` and `{0,1}` (INDEPENDENT when possessive, and for atomic groups). */
  | { t: 'ques'; independent: boolean; atom: JavaNode[] }
  /** Curly and GroupCurly. */
  | { t: 'curly'; cmin: number; cmax: number; atom: JavaNode[] }
  /** A repeated group whose body is not deterministic: Prolog/Loop. */
  | { t: 'loop' }
  /** An alternation; what follows it in the chain is studied after it, from scratch. */
  | { t: 'branch'; alts: JavaNode[][] };

export const MAX_REPS = 0x7fffffff;

interface TreeInfo {
  min: number;
  max: number;
  valid: boolean;
  deterministic: boolean;
}

const fresh = (): TreeInfo => ({ min: 0, max: 0, valid: true, deterministic: true });
const int = (x: number): number => x | 0;

function reset(info: TreeInfo): void {
  Object.assign(info, fresh());
}

/** Node.study over a chain from `from`: returns what Java's study returns (whether it is deterministic). */
function study(chain: readonly JavaNode[], info: TreeInfo, from = 0): boolean {
  for (let k = from; k < chain.length; k++) {
    const node = chain[k];
    switch (node.t) {
      case 'len':
        info.min = int(info.min + node.min);
        info.max = int(info.max + node.max);
        break;
      case 'grapheme':
        info.min = int(info.min + 1);
        info.deterministic = false;
        break;
      case 'zero':
        break;
      case 'backref':
        info.valid = false;
        break;
      case 'greedy':
        info.min = int(info.min + node.cmin);
        if (info.valid) info.max = int(info.max + MAX_REPS);
        info.deterministic = false;
        break;
      case 'ques':
        if (node.independent) {
          study(node.atom, info);
        } else {
          const minL = info.min;
          study(node.atom, info);
          info.min = minL;
          info.deterministic = false;
        }
        break;
      case 'curly': {
        const { min: minL, max: maxL, valid: maxV, deterministic: detm } = info;
        reset(info);
        study(node.atom, info);
        let temp = int(Math.imul(info.min, node.cmin) + minL);
        if (temp < minL) temp = 0xfffffff;
        info.min = temp;
        if (maxV && info.valid) {
          temp = int(Math.imul(info.max, node.cmax) + maxL);
          info.max = temp;
          if (temp < maxL) info.valid = false;
        } else {
          info.valid = false;
        }
        info.deterministic = info.deterministic && node.cmin === node.cmax ? detm : false;
        break;
      }
      case 'loop':
        info.valid = false;
        info.deterministic = false;
        return false;
      case 'branch': {
        let minL = info.min;
        let maxL = info.max;
        let maxV = info.valid;
        let minL2 = MAX_REPS;
        let maxL2 = -1;
        for (const alt of node.alts) {
          reset(info);
          study(alt, info);
          minL2 = Math.min(minL2, info.min);
          maxL2 = Math.max(maxL2, info.max);
          maxV = maxV && info.valid;
        }
        minL = int(minL + minL2);
        maxL = int(maxL + maxL2);
        reset(info);
        study(chain, info, k + 1);
        info.min = int(info.min + minL);
        info.max = int(info.max + maxL);
        info.valid = info.valid && maxV;
        info.deterministic = false;
        return false;
      }
    }
  }
  return info.deterministic;
}

/** Whether Java can bound the length of a lookbehind with this content. */
export function lookbehindBounded(content: readonly JavaNode[]): boolean {
  const info = fresh();
  study(content, info);
  return info.valid;
}

/** Whether a group body is deterministic, which decides between GroupCurly and Loop. */
export function deterministic(content: readonly JavaNode[]): boolean {
  return study(content, fresh());
}
