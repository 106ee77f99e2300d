import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPropertiesFile } from '../../../server/src/core/formats/properties/read';
import { kafkaSemantics } from '../../../server/src/core/mm2/versions';
import { buildDeployment, type Mm2File } from '../../../server/src/core/model/deployments';

const deploymentOf = (text: string, kafkaVersion?: string) => buildDeployment([readPropertiesFile('mm2.properties', text) as Mm2File], () => kafkaSemantics(kafkaVersion));

const IDENTITY = 'replication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy';

/** The replay of some topics: where they arrive, and the loops they travel. */
function run(text: string, seeds: Record<string, string[]>, maxDepth = 3, kafkaVersion?: string) {
  const { replay } = deploymentOf(text, kafkaVersion);
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

  it('never replicates internal topics, whatever the filter: before 4.0 every *.internal and *-internal', () => {
    const seeds = { A: ['x.internal', 'y-internal', '__offsets', '.hidden', 'mm2-offsets.B.internal', 'A.checkpoints.internal', 'ok'] };
    const { where } = run('clusters = A, B\nA->B.enabled = true\ntopics.exclude =\n', seeds, 3, '3.9');
    assert.deepEqual(where('B'), ['A.ok']);
  });

  it('from 4.0, only MM2\'s own, checkpoints, __ and . topics are internal', () => {
    const seeds = { A: ['x.internal', 'y-internal', '__offsets', '.hidden', 'mm2-offsets.B.internal', 'A.checkpoints.internal', 'ok'] };
    const { where } = run('clusters = A, B\nA->B.enabled = true\ntopics.exclude =\n', seeds, 3, '4.0');
    assert.deepEqual(where('B'), ['A.ok', 'A.x.internal', 'A.y-internal']);
  });

  it('default excludes follow the version: 3.9 excludes x.internal, 4.x does not', () => {
    const text = 'clusters = A, B\nA->B.enabled = true\n';
    assert.deepEqual(run(text, { A: ['x.internal', 'x.replica', 'ok'] }, 3, '3.9').where('B'), ['A.ok']);
    assert.deepEqual(run(text, { A: ['x.internal', 'x.replica', 'ok'] }, 3, '4.1').where('B'), ['A.ok', 'A.x.internal']);
  });

  it('reads replication.policy.internal.topic.separator.enabled with Boolean.parseBoolean: `true ` keeps `.` for internal topics (found by test/kafka)', () => {
    const text = 'clusters = A, B\nA->B.enabled = true\nreplication.policy.separator = _\nreplication.policy.internal.topic.separator.enabled = true \ntopics = .*internal\n';
    const seeds = { A: ['A_checkpoints_internal', 'A.checkpoints.internal', 'mm2-offset-syncs_C_internal', 'mm2-offset-syncs.C.internal'] };
    assert.deepEqual(run(text, seeds).where('B'), ['A_A_checkpoints_internal', 'A_mm2-offset-syncs_C_internal']);
  });

  it('a top-level `source.cluster.alias =` is the alias the connectors name remote topics with (the blank-alias idiom)', () => {
    const text = 'clusters = A, B\nA->B.enabled = true\nB->A.enabled = true\nsource.cluster.alias =\nreplication.policy.separator =\ntopics = orders\n';
    const { where, simulation } = run(text, { A: ['orders'] });
    assert.deepEqual(where('B'), ['orders']);
    assert.ok(simulation.cycles.length > 0, 'identity names loop: topicSource finds no source');
  });

  it('gives a pair a herder only when Boolean.parseBoolean reads its switch or heartbeats as true (found by test/kafka)', () => {
    const text = 'clusters = A, B\nemit.heartbeats.enabled = true \nA->B.enabled = true \nB->A.enabled = true\n';
    assert.deepEqual(deploymentOf(text).flows.map((m) => m.flow.id), ['B->A']);
    const withHeartbeats = 'clusters = A, B\nA->B.enabled = true \n';
    assert.deepEqual(deploymentOf(withHeartbeats).flows.map((m) => m.flow.id), ['A->B'], 'heartbeats on: the connector reads `true ` as true');
  });

  it('a loop back to the origin cluster creates a topic there before isCycle stops it (found by the running MM2 of test/kafka)', () => {
    // `s6.a` contains the separator: isCycle reads `s6.a.s6-orders` as coming from `s6`, so the copy
    // comes home as `s6b.s6.a.s6-orders`; going out again, isCycle finds s6b in the name and stops.
    const text = 'clusters = s6.a, s6b\ns6.a->s6b.enabled = true\ns6b->s6.a.enabled = true\ntopics = s6.*\n';
    const copies = deploymentOf(text).replay.copiesOf('s6.a', 's6-orders');
    assert.deepEqual(copies.arrivals.map((a) => `${a.cluster}:${a.name}`), ['s6b:s6.a.s6-orders', 's6.a:s6b.s6.a.s6-orders']);
    assert.ok(!copies.truncated);
    assert.equal(copies.cycles.length, 1);
  });

  it('mixed policies: Identity one way and Default back brings `B.x` home, then `B.B.x`… (found by test/kafka)', () => {
    const text = `clusters = A, B\nA->B.enabled = true\nA->B.${IDENTITY}\nB->A.enabled = true\n`;
    const { where } = run(text, { A: ['x'] }, 4);
    assert.deepEqual(where('A'), ['B.B.x', 'B.x']);
    assert.deepEqual(where('B'), ['B.x', 'x']);
    // The names grow by `B.` each round until Kafka's 249-character limit stops MM2 creating them.
    const copies = deploymentOf(text).replay.copiesOf('A', 'x').arrivals;
    const longest = Math.max(...copies.map((a) => a.name.length));
    assert.ok(copies.length > 100 && longest <= 249 && longest > 240, `${copies.length} copies, longest ${longest}`);
  });

  it('an identity loop writes back into the topic it came from: no new topic', () => {
    const text = `clusters = A, B\n${IDENTITY}\nA->B.enabled = true\nB->A.enabled = true\n`;
    const { where, simulation } = run(text, { A: ['orders'] }, 6);
    assert.deepEqual(where('A'), []);
    assert.deepEqual(where('B'), ['orders']);
    assert.equal(simulation.cycles.length, 1);
  });

  it('*.blacklist names count before 4.0 only', () => {
    const text = 'clusters = A, B\nA->B.enabled = true\ntopics.blacklist = tmp.*\n';
    assert.deepEqual(run(text, { A: ['tmp1', 'ok'] }, 3, '3.9').where('B'), ['A.ok']);
    assert.deepEqual(run(text, { A: ['tmp1', 'ok'] }, 3, '4.0').where('B'), ['A.ok', 'A.tmp1']);
  });

  it('heartbeats.replication.enabled = false (4.0+) stops heartbeats the filter does not admit', () => {
    const text = 'clusters = A, B\nA->B.enabled = true\ntopics = orders\nheartbeats.replication.enabled = false\n';
    assert.deepEqual(run(text, { A: ['heartbeats', 'orders'] }, 3, '4.0').where('B'), ['A.orders']);
    assert.deepEqual(run(text, { A: ['heartbeats', 'orders'] }, 3, '3.9').where('B'), ['A.heartbeats', 'A.orders']);
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
