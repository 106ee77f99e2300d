import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeProperties } from '../../../server/src/core/formats/properties/complete';
import { readMm2Properties } from '../../../server/src/core/formats/properties/read';
import type { Mm2Facts } from '../../../server/src/core/formats/facts';
import { locate } from '../../../server/src/core/service/locate';

const at = (textWithCursor: string) => {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return { config: { text, mm2: readMm2Properties(text).mm2 }, offset };
};
const complete = (config: { text: string; mm2: Mm2Facts }, offset: number) => completeProperties(config.text, config.mm2, offset);

describe('completion', () => {
  const head = 'clusters = K1, K2\n';
  it('offers top-level properties and alias / flow prefixes built from clusters', () => {
    const { config, offset } = at(`${head}top|`);
    const labels = complete(config, offset).map((c) => c.label);
    assert.ok(labels.includes('topics') && labels.includes('topics.exclude'));
    assert.ok(labels.includes('K1.') && labels.includes('K1->K2.') && labels.includes('K2->K1.'));
    assert.ok(!labels.includes('topics.blacklist'), 'deprecated names are not offered');
  });

  it('after `K1->K2.` on a new line offers the flow\'s settings, enabled and topics first, filtered on the whole key', () => {
    const { config, offset } = at(`${head}K1.bootstrap.servers = a:9092\nK1->K2.|\n`);
    const candidates = complete(config, offset).sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.deepEqual(candidates.slice(0, 3).map((c) => c.label), ['enabled', 'topics', 'topics.exclude']);
    for (const candidate of candidates) assert.ok(candidate.filterText?.startsWith('K1->K2.'), candidate.label);
    assert.equal(candidates[0].newText, 'K1->K2.enabled = ');
  });

  it('offers client settings under a cluster prefix, not connector settings', () => {
    const { config, offset } = at(`${head}K1.|`);
    const labels = complete(config, offset).map((c) => c.label);
    assert.ok(labels.includes('bootstrap.servers') && labels.includes('security.protocol') && labels.includes('producer.'));
    assert.ok(!labels.includes('topics'));
  });

  it('offers connector settings under a flow prefix and target aliases after the arrow', () => {
    const flowKeys = at(`${head}K1->K2.|`);
    const items = complete(flowKeys.config, flowKeys.offset);
    const topics = items.find((c) => c.label === 'topics')!;
    assert.equal(topics.newText, 'K1->K2.topics = ');
    const arrow = at(`${head}K1->|`);
    assert.deepEqual(complete(arrow.config, arrow.offset).map((c) => c.label), ['K1->K2.']);
  });

  it('offers values for booleans, enums and policy classes', () => {
    const bool = at(`${head}K1->K2.enabled = |`);
    assert.deepEqual(complete(bool.config, bool.offset).map((c) => c.label).sort(), ['false', 'true']);
    const policy = at(`${head}replication.policy.class = |`);
    assert.ok(complete(policy.config, policy.offset).some((c) => c.label.endsWith('IdentityReplicationPolicy')));
    const location = at(`${head}offset-syncs.topic.location = |`);
    assert.deepEqual(complete(location.config, location.offset).map((c) => c.label).sort(), ['source', 'target']);
  });

  it('offers nothing inside comments', () => {
    const { config, offset } = at(`${head}# top|`);
    assert.deepEqual(complete(config, offset), []);
  });
});

describe('alias queries', () => {
  it('locate an alias in keys and list every occurrence', () => {
    const { config } = at('clusters = K1, K2\nK1.bootstrap.servers = a:1\nK1->K2.enabled = true\nK2->K1.enabled = true|');
    const { text, mm2 } = config;
    const found = locate(mm2, text.indexOf('K1->K2') + 1);
    assert.ok(found?.kind === 'alias' && found.alias === 'K1');
    const occurrences = mm2.aliasOccurrences.filter((o) => o.alias === 'K1');
    assert.equal(occurrences.length, 4);
    assert.ok(occurrences.every((o) => text.slice(o.range.start, o.range.end) === 'K1'));
    assert.equal(occurrences.filter((o) => o.isDeclaration).length, 1);
  });
});
