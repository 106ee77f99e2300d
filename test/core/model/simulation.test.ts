import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPropertiesFile } from '../../../server/src/core/formats/properties/read';
import { buildDeployment, type Mm2File } from '../../../server/src/core/model/deployments';

const deploymentOf = (text: string) => buildDeployment([readPropertiesFile('mm2.properties', text) as Mm2File]);

const IDENTITY = 'replication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy';

/** The replay of some topics: where they arrive, and the loops they travel. */
function run(text: string, seeds: Record<string, string[]>, maxDepth = 3) {
  const { replay } = deploymentOf(text);
  const copies = Object.entries(seeds).flatMap(([cluster, names]) => names.map((name) => replay.copiesOf(cluster, name, maxDepth)));
  const simulation = { arrivals: copies.flatMap((c) => c.arrivals), cycles: copies.flatMap((c) => c.cycles) };
  const where = (cluster: string) => simulation.arrivals.filter((a) => a.cluster === cluster).map((a) => a.name).sort();
  return { simulation, where };
}

const RING = 'clusters = A, B, C\nA->B.enabled = true\nB->C.enabled = true\nC->A.enabled = true\n';

describe('replication simulation (MM2 replicate-or-not decisions)', () => {
  it('ring A→B→C→A, default policy: chained names, and the loop stops before returning home', () => {
    const { simulation, where } = run(RING, { A: ['t'], B: ['t'], C: ['t'] });
    assert.deepEqual(where('A'), ['C.B.t', 'C.t']);
    assert.deepEqual(where('B'), ['A.C.t', 'A.t']);
    assert.deepEqual(where('C'), ['B.A.t', 'B.t']);
    assert.deepEqual(simulation.cycles, [], 'C.B.A.t is never created in A');
  });

  it('ring under IdentityReplicationPolicy: the topic comes back to its cluster', () => {
    const { simulation } = run(`${RING}${IDENTITY}\n`, { A: ['t'] });
    assert.equal(simulation.cycles.length, 1);
    assert.deepEqual(simulation.cycles[0].models.map((m) => m.flow.id).sort(), ['A->B', 'B->C', 'C->A']);
    assert.equal(simulation.cycles[0].witness, 't');
  });

  it('uses the custom separator in chained names', () => {
    const { where } = run(`${RING}replication.policy.separator = _\n`, { A: ['t'] });
    assert.deepEqual(where('C'), ['B_A_t']);
  });

  it('an alias containing the separator defeats the cycle check', () => {
    const { simulation } = run('clusters = us.east, eu\nus.east->eu.enabled = true\neu->us.east.enabled = true\n', { 'us.east': ['orders'] });
    assert.equal(simulation.cycles.length, 1);
    assert.equal(simulation.cycles[0].returnsAs, 'eu.us.east.orders');
  });

  it('replicates heartbeats topics even when the filter does not admit them', () => {
    const { where } = run('clusters = A, B, C\nA->B.enabled = true\nB->C.enabled = true\ntopics = orders\n', { A: ['heartbeats', 'other'] });
    assert.deepEqual(where('B'), ['A.heartbeats']);
    assert.deepEqual(where('C'), ['B.A.heartbeats']);
  });

  it('never replicates internal topics, whatever the filter', () => {
    const { where } = run('clusters = A, B\nA->B.enabled = true\ntopics.exclude =\n', { A: ['x.internal', 'y-internal', '__offsets', 'ok'] });
    assert.deepEqual(where('B'), ['A.ok']);
  });

  it('applies topics minus topics.exclude, with MM2\'s default excludes', () => {
    const { where } = run('clusters = A, B\nA->B.enabled = true\ntopics = orders.*\n', { A: ['orders', 'orders.replica', 'payments'] });
    assert.deepEqual(where('B'), ['A.orders']);
  });

  it('does not replicate over disabled flows', () => {
    const { where } = run('clusters = A, B\nA->B.enabled = false\n', { A: ['orders'] });
    assert.deepEqual(where('B'), []);
  });

  it('finds a name-keeping loop exactly, with a witness from the filters\' intersection', () => {
    const text = `clusters = K1, K2\nK1->K2.enabled = true\nK2->K1.enabled = true\n${IDENTITY}\nK1->K2.topics = orders.*\nK2->K1.topics = ord.*s\n`;
    const cycles = deploymentOf(text).replay.loops();
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0].witness, 'orders');
    const disjoint = text.replace('orders.*', 'a-.*').replace('ord.*s', 'b-.*');
    assert.equal(deploymentOf(disjoint).replay.loops().length, 0);
  });
});
