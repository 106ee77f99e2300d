import { splitList, type Mm2Config } from '../../../model/config';
import type { OffsetRange } from '../../../base/range';
import { isIndirect } from '../../../mm2/values';

export interface RegexList {
  /** `topics`, `groups.exclude`, … */
  property: string;
  items: { item: string; range?: OffsetRange }[];
}

/** Every value that MM2 reads as a comma-separated list of Java regexes, split as MM2 splits it. */
export function* regexLists(config: Mm2Config): Generator<RegexList> {
  for (const { lookup, entry } of config.entries) {
    if (lookup?.kind !== 'property' || !lookup.info.regexList || isIndirect(entry.value)) continue;
    yield { property: lookup.info.name, items: splitList(entry.value, entry.valueOffsets) };
  }
}
