import type { Mm2Facts, Setting } from '../../../formats/facts';
import type { PropertyInfo } from '../../../mm2/catalog';
import { splitList } from '../../../mm2/lists';
import type { OffsetRange } from '../../../base/range';
import { isIndirect } from '../../../mm2/values';

export interface RegexList {
  /** `topics`, `groups.exclude`, … */
  property: string;
  setting: Setting;
  info: PropertyInfo;
  items: { item: string; range?: OffsetRange }[];
}

/** Every value that MM2 reads as a comma-separated list of Java regexes, split as MM2 splits it. */
export function* regexLists(mm2: Mm2Facts): Generator<RegexList> {
  for (const setting of mm2.settings) {
    const { lookup, value, valueOffsets } = setting;
    // MM2 reads the last of repeated keys only.
    if (setting.overridden || lookup?.kind !== 'property' || !lookup.info.regexList || isIndirect(value)) continue;
    yield { property: lookup.info.name, setting, info: lookup.info, items: splitList(value, valueOffsets) };
  }
}
