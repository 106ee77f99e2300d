/**
 * The mm2 layer's scenarios: an MM2 file (with `${b0}`… standing for the brokers' addresses), the
 * topics each cluster starts with (each gets a few records), and which broker plays which alias.
 * What MM2 must create is not written here: it is what `mirrorlint topology` predicts, and the
 * running MirrorMaker judges it.
 */
export interface Scenario {
  name: string;
  /** Alias → broker index (0..2). */
  clusters: Record<string, number>;
  properties: string;
  /** Local topics per alias (declared to MirrorLint, created on the broker before MM2 starts). */
  topics: Record<string, string[]>;
  /** MM2 loops here: wait for the loop rather than for every predicted topic (there are endlessly many). */
  loops?: boolean;
  /** Only for Kafka releases at or after this one (`4.0`). */
  from?: string;
}

const IDENTITY = 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy';
const DEFAULT = 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy';

export const SCENARIOS: Scenario[] = [
  {
    name: 'active-active, default policy',
    clusters: { s1a: 0, s1b: 1 },
    properties: 's1a->s1b.enabled = true\ns1b->s1a.enabled = true\n',
    topics: { s1a: ['s1-orders'], s1b: ['s1-payments'] },
  },
  {
    name: 'identity pair with overlapping filters: the loop',
    clusters: { s2a: 0, s2b: 1 },
    properties: `replication.policy.class = ${IDENTITY}\ntopics = s2-.*\ns2a->s2b.enabled = true\ns2b->s2a.enabled = true\n`,
    topics: { s2a: ['s2-orders'] },
    loops: true,
  },
  {
    name: 'identity pair with disjoint filters',
    clusters: { s3a: 0, s3b: 1 },
    properties: `replication.policy.class = ${IDENTITY}\ns3a->s3b.enabled = true\ns3a->s3b.topics = s3-a-.*\ns3b->s3a.enabled = true\ns3b->s3a.topics = s3-b-.*\n`,
    topics: { s3a: ['s3-a-orders'], s3b: ['s3-b-orders'] },
  },
  {
    name: 'ring of three: chained names, never back home',
    clusters: { s4a: 0, s4b: 1, s4c: 2 },
    properties: 's4a->s4b.enabled = true\ns4b->s4c.enabled = true\ns4c->s4a.enabled = true\n',
    topics: { s4a: ['s4-t'] },
  },
  {
    name: 'custom separator, also for internal topics',
    clusters: { s5a: 0, s5b: 1 },
    properties: 'replication.policy.separator = _\ns5a->s5b.enabled = true\n',
    topics: { s5a: ['s5-orders'] },
  },
  {
    name: 'an alias containing the separator: names grow around the loop',
    clusters: { 's6.a': 0, s6b: 1 },
    properties: 's6.a->s6b.enabled = true\ns6b->s6.a.enabled = true\ntopics = s6.*\n',
    topics: { 's6.a': ['s6-orders'] },
    loops: true,
  },
  {
    name: 'top-level enabled = true enables every pair',
    clusters: { s7a: 0, s7b: 1 },
    properties: 'enabled = true\ntopics = s7-.*\n',
    topics: { s7a: ['s7-a'], s7b: ['s7-b'] },
  },
  {
    name: 'mixed per-flow policies',
    clusters: { s8a: 0, s8b: 1 },
    properties: `s8a->s8b.enabled = true\ns8a->s8b.replication.policy.class = ${IDENTITY}\ns8b->s8a.enabled = true\ns8b->s8a.replication.policy.class = ${DEFAULT}\ntopics = s8-.*\n`,
    topics: { s8a: ['s8-x'], s8b: ['s8-y'] },
  },
  {
    name: 'internal, .replica and hidden topics under the default excludes',
    clusters: { s9a: 0, s9b: 1 },
    properties: 's9a->s9b.enabled = true\n',
    topics: { s9a: ['s9-orders', 's9-x.internal', 's9-y-internal', 's9-z.replica', '__s9', 'mm2-s9.internal'] },
  },
  {
    name: 'offset syncs in the target, legacy internal separator',
    clusters: { s10a: 0, s10b: 1 },
    properties: 'replication.policy.separator = -\nreplication.policy.internal.topic.separator.enabled = false\ns10a->s10b.enabled = true\noffset-syncs.topic.location = target\n',
    topics: { s10a: ['s10-orders'] },
  },
  {
    name: 'blank-alias idiom: identity names from the default policy',
    clusters: { s11a: 0, s11b: 1 },
    properties: 'source.cluster.alias =\nreplication.policy.separator =\ns11a->s11b.enabled = true\ntopics = s11-.*\n',
    topics: { s11a: ['s11-orders'] },
  },
  {
    name: 'heartbeats replicated whatever the filter, unless switched off (4.0+)',
    clusters: { s12a: 0, s12b: 1, s12c: 2 },
    properties: 's12a->s12b.enabled = true\ns12a->s12b.topics = s12-orders\ns12b->s12c.enabled = true\ns12b->s12c.topics = s12-orders\ns12b->s12c.heartbeats.replication.enabled = false\n',
    topics: { s12a: ['s12-orders'] },
    from: '4.0',
  },
];

/** Settings every scenario gets: one replica (single-broker clusters) and fast refreshes. */
export const COMMON_SETTINGS = [
  'replication.factor = 1',
  'checkpoints.topic.replication.factor = 1',
  'heartbeats.topic.replication.factor = 1',
  'offset-syncs.topic.replication.factor = 1',
  'offset.storage.replication.factor = 1',
  'status.storage.replication.factor = 1',
  'config.storage.replication.factor = 1',
  'refresh.topics.interval.seconds = 1',
  'refresh.groups.interval.seconds = 1',
  'emit.heartbeats.interval.seconds = 1',
  'emit.checkpoints.interval.seconds = 1',
  'sync.topic.acls.enabled = false',
].join('\n');
