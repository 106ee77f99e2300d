import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookupProperty, allProperties } from '../../../server/src/core/mm2/catalog';
import { readMm2Properties } from '../../../server/src/core/formats/properties/read';
import { parseKey } from '../../../server/src/core/mm2/keys';
import { splitList } from '../../../server/src/core/mm2/lists';
import { parseProperties } from '../../../server/src/core/formats/properties/parse';

const config = (text: string) => readMm2Properties(text).mm2;
const flow = (text: string, id: string) => config(text).flows.find((f) => f.id === id)!;

describe('key shapes', () => {
  it('reads top-level, cluster and flow keys', () => {
    assert.deepEqual(parseKey('topics', new Set(['A', 'B'])), { scope: 'top', property: 'topics' });
    assert.equal(parseKey('A.bootstrap.servers', new Set(['A', 'B'])).scope, 'cluster');
    const shape = parseKey('A->B.topics', new Set(['A', 'B']));
    assert.equal(shape.scope, 'flow');
    assert.ok(shape.scope === 'flow' && shape.source === 'A' && shape.target === 'B' && shape.property === 'topics');
  });

  it('prefers the longest declared alias, even one with a dot', () => {
    const shape = parseKey('us.east->eu.west.enabled', new Set(['us.east', 'eu.west', 'eu']));
    assert.ok(shape.scope === 'flow' && shape.target === 'eu.west' && shape.property === 'enabled');
  });

  it('reads an undeclared alias before a cluster setting as a cluster key', () => {
    const shape = parseKey('K9.bootstrap.servers', new Set(['K1']));
    assert.ok(shape.scope === 'cluster' && shape.alias === 'K9');
  });

  it('reads a client setting written without prefix as a top-level key', () => {
    assert.equal(parseKey('producer.acks', new Set(['K1'])).scope, 'top');
  });
});

describe('flows', () => {
  const base = 'clusters = A, B\nA.bootstrap.servers=a:1\nB.bootstrap.servers=b:1\n';
  it('are off unless A->B.enabled = true', () => {
    assert.equal(flow(base, 'A->B').enabled, false);
    assert.equal(flow(`${base}A->B.enabled = true`, 'A->B').enabled, true);
    assert.equal(flow(`${base}A->B.enabled = TRUE`, 'A->B').enabled, true);
    assert.equal(flow(`${base}A->B.enabled = yes`, 'A->B').enabled, false);
  });

  it('are all enabled by a top-level enabled = true while heartbeats create their herders', () => {
    assert.equal(flow(`${base}enabled = true`, 'B->A').enabled, true);
    assert.equal(flow(`${base}enabled = true\nemit.heartbeats.enabled = false`, 'B->A').enabled, false);
    assert.equal(flow(`${base}enabled = true\nA->B.enabled = false`, 'A->B').enabled, false);
  });

  it('resolve effective values flow > top level > default, with their origin', () => {
    const c = config(`${base}topics = a.*\nA->B.topics = b.*\nA->B.enabled = true\nB->A.enabled = true`);
    assert.deepEqual([c.effective({ source: 'A', target: 'B' }, 'topics').value, c.effective({ source: 'A', target: 'B' }, 'topics').origin], ['b.*', 'flow']);
    assert.equal(c.effective({ source: 'B', target: 'A' }, 'topics').origin, 'top');
    assert.deepEqual(c.effective({ source: 'B', target: 'A' }, 'replication.factor'), { value: '2', origin: 'default' });
  });

  it('take the last value of a duplicated key, like java.util.Properties', () => {
    const c = config(`${base}A->B.enabled = true\nA->B.enabled = false`);
    assert.equal(c.flows.find((f) => f.id === 'A->B')!.enabled, false);
    assert.equal(c.settings.filter((e) => e.overridden).length, 1);
  });
});

describe('lists', () => {
  it('split like ConfigDef LIST, with element ranges', () => {
    const doc = parseProperties('topics =  a , b,c ');
    const entry = doc.entries[0];
    const items = splitList(entry.value, entry.valueOffsets);
    assert.deepEqual(items.map((i) => i.item), ['a', 'b', 'c']);
    assert.deepEqual(items.map((i) => doc.text.slice(i.range!.start, i.range!.end)), ['a', 'b', 'c']);
    assert.deepEqual(splitList('  '), []);
  });
});

describe('catalog', () => {
  it('knows every MM2 property with a doc, a type and a scope', () => {
    for (const info of allProperties()) {
      assert.ok(info.doc.length > 10, `${info.name} has a doc`);
      assert.ok(info.scopes.length > 0, `${info.name} has a scope`);
    }
    for (const name of ['clusters', 'topics', 'topics.exclude', 'groups', 'groups.exclude', 'replication.policy.class', 'replication.policy.separator',
      'sync.group.offsets.enabled', 'emit.checkpoints.interval.seconds', 'offset-syncs.topic.location', 'replication.factor', 'emit.offset-syncs.enabled']) {
      assert.equal(lookupProperty(name, 'top')?.kind, 'property', name);
    }
  });

  it('marks deprecated aliases with their replacement', () => {
    const info = lookupProperty('topics.blacklist', 'flow');
    assert.ok(info?.kind === 'property' && info.info.deprecated?.replacement === 'topics.exclude');
  });

  it('recognises client and worker settings under a cluster prefix', () => {
    for (const name of ['security.protocol', 'sasl.jaas.config', 'ssl.truststore.location', 'producer.acks', 'consumer.max.poll.records', 'admin.request.timeout.ms', 'offset.storage.replication.factor']) {
      assert.ok(lookupProperty(name, 'cluster'), name);
    }
    assert.equal(lookupProperty('producer.akcs', 'cluster'), undefined);
    assert.equal(lookupProperty('topics', 'cluster'), undefined);
  });
});
