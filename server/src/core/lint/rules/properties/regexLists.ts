import type { Mm2Facts } from '../../../formats/facts';
import { splitList } from '../../../mm2/lists';
import type { OffsetRange } from '../../../base/range';
import { isIndirect } from '../../../mm2/values';

export interface RegexList {
  /** `topics`, `groups.exclude`, … */
  property: string;
  items: { item: string; range?: OffsetRange }[];
}

/** Every value that MM2 reads as a comma-separated list of Java regexes, split as MM2 splits it. */
export function* regexLists(mm2: Mm2Facts): Generator<RegexList> {
  for (const { lookup, value, valueOffsets } of mm2.settings) {
    if (lookup?.kind !== 'property' || !lookup.info.regexList || isIndirect(value)) continue;
    yield { property: lookup.info.name, items: splitList(value, valueOffsets) };
  }
}
