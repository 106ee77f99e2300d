import { Random } from './random';

/**
 * Generated dedicated-mode MM2 files for the config layer, written as people write them (and as
 * they get them wrong): aliases with dots, dashes, underscores and the separator, custom and empty
 * separators, Identity / Default / per-flow policies, top-level and flow-level `enabled` in every
 * spelling, filters, heartbeats settings, blank aliases, `*.blacklist` names, offset-sync switches.
 */
export interface GeneratedConfig {
  text: string;
  /** Topic names of each source cluster to ask about. */
  topics: Record<string, string[]>;
}

const ALIASES = ['A', 'B', 'C', 'K1', 'K2', 'us.east', 'us-west', 'eu_1', 'dc.1', 'primary'];
const SEPARATORS = ['.', '_', '-', '__', '', '.x.'];
const DEFAULT_POLICY = 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy';
const IDENTITY_POLICY = 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy';
const BOOLEANS = ['true', 'false', 'True', 'TRUE', ' true', 'true ', 'yes', 'false ', ''];
const FILTERS = ['.*', 'orders', 'orders, payments', 'orders.*', '.*orders', '(?i)ORDERS', 'pay.*, (?i)AUDIT', 'x\\.internal, orders', 'heartbeats', '[a-z]+', '.*\\.internal', 'orders,', 'orders,,payments', 'orders, orders', ' ', '(orders|payments)', 'A\\..*'];
const EXCLUDES = ['', '.*\\.tmp', 'mm2.*\\.internal, .*\\.replica, __.*', '.*[\\-\\.]internal', 'orders', 'x.*, x.*', 'heartbeats', '.*'];
const BASE_TOPICS = ['orders', 'payments', 'ORDERS', 'audit', 'heartbeats', 'x.internal', 'y-internal', 'z_internal', 'foo.replica', '__consumer_offsets', '.hidden', 'tmp.tmp', '_schemas', 'mm2-configs.A.internal', 'mm2x-internal'];

function bool(random: Random): string {
  return random.pick(BOOLEANS);
}

/** Names a cluster really holds: its own topics, remote copies under every alias and separator, MM2's internal topics. */
function topicsOf(random: Random, aliases: string[], separator: string): string[] {
  const names = new Set(BASE_TOPICS);
  const seps = [...new Set([separator, '.'])];
  for (const alias of aliases) {
    for (const sep of seps) {
      names.add(`${alias}${sep}orders`);
      names.add(`${alias}${sep}heartbeats`);
      names.add(`${alias}${sep}checkpoints${sep}internal`);
      names.add(`mm2-offset-syncs${sep}${alias}${sep}internal`);
      const other = random.pick(aliases);
      names.add(`${other}${sep}${alias}${sep}orders`);
    }
  }
  return [...names].filter((n) => n.length > 0 && n.length <= 249 && /^[a-zA-Z0-9._-]+$/.test(n));
}

export function generateConfig(random: Random): GeneratedConfig {
  const count = 2 + random.int(3);
  const aliases: string[] = [];
  while (aliases.length < count) {
    const alias = random.pick(ALIASES);
    if (!aliases.includes(alias)) aliases.push(alias);
  }
  const lines: string[] = [];
  const listed = [...aliases];
  if (random.chance(0.04)) listed.splice(1, 0, ''); // `A, , B`: a blank alias
  if (random.chance(0.03)) listed.push(aliases[0]); // a repeated alias
  lines.push(`clusters = ${listed.join(random.pick([', ', ',', ' , ']))}`);
  for (const alias of aliases) lines.push(`${alias}.bootstrap.servers = ${alias.replace(/[^a-zA-Z0-9]/g, '')}.example:9092`);

  const separator = random.chance(0.35) ? random.pick(SEPARATORS) : undefined;
  if (separator !== undefined) lines.push(`replication.policy.separator = ${separator}`);
  if (separator !== undefined && random.chance(0.2)) lines.push(`replication.policy.internal.topic.separator.enabled = ${bool(random)}`);
  if (random.chance(0.25)) lines.push(`replication.policy.class = ${random.pick([IDENTITY_POLICY, DEFAULT_POLICY, ` ${IDENTITY_POLICY} `])}`);
  if (random.chance(0.03)) lines.push('source.cluster.alias =');
  if (random.chance(0.15)) lines.push(`enabled = ${bool(random)}`);
  if (random.chance(0.3)) lines.push(`topics = ${random.pick(FILTERS)}`);
  if (random.chance(0.2)) lines.push(`topics.exclude = ${random.pick(EXCLUDES)}`);
  if (random.chance(0.08)) lines.push(`topics.blacklist = ${random.pick(EXCLUDES)}`);
  if (random.chance(0.1)) lines.push(`emit.heartbeats.enabled = ${bool(random)}`);
  if (random.chance(0.08)) lines.push(`heartbeats.replication.enabled = ${bool(random)}`);
  if (random.chance(0.05)) lines.push(`groups = ${random.pick(FILTERS)}`);
  if (random.chance(0.05)) lines.push(`emit.offset-syncs.enabled = ${bool(random)}`);
  if (random.chance(0.04)) lines.push(`${random.pick(aliases)}.consumer.isolation.level = ${random.pick(['read_committed', 'read_uncommitted'])}`);

  for (const source of aliases) {
    for (const target of aliases) {
      if (source === target || !random.chance(0.55)) continue;
      const flow = `${source}->${target}`;
      lines.push(`${flow}.enabled = ${random.chance(0.75) ? 'true' : bool(random)}`);
      if (random.chance(0.3)) lines.push(`${flow}.topics = ${random.pick(FILTERS)}`);
      if (random.chance(0.15)) lines.push(`${flow}.topics.exclude = ${random.pick(EXCLUDES)}`);
      if (random.chance(0.05)) lines.push(`${flow}.topics.blacklist = ${random.pick(EXCLUDES)}`);
      if (random.chance(0.12)) lines.push(`${flow}.replication.policy.class = ${random.pick([IDENTITY_POLICY, DEFAULT_POLICY])}`);
      if (random.chance(0.08)) lines.push(`${flow}.replication.policy.separator = ${random.pick(SEPARATORS)}`);
      if (random.chance(0.06)) lines.push(`${flow}.emit.heartbeats.enabled = ${bool(random)}`);
      if (random.chance(0.05)) lines.push(`${flow}.heartbeats.replication.enabled = ${bool(random)}`);
      if (random.chance(0.04)) lines.push(`${flow}.enabled = ${bool(random)}`); // written twice: the last wins
      if (random.chance(0.03)) lines.push(`${flow}.emit.offset-syncs.enabled = false`);
      if (random.chance(0.03)) lines.push(`${flow}.emit.checkpoints.enabled = ${random.pick(['false', 'False', 'true'])}`);
      if (random.chance(0.02)) lines.push(`${flow}.offset-syncs.topic.location = ${random.pick(['target', 'source'])}`);
      if (random.chance(0.03)) lines.push(`${flow}.exactly.once.support = ${random.pick(['required', 'requested'])}`);
      if (random.chance(0.02)) lines.push(`${flow}.${random.pick(['source.consumer.', 'consumer.'])}isolation.level = read_committed`);
    }
  }
  // Shuffle a little: order does not matter to MM2 except for repeated keys.
  for (let i = lines.length - 1; i > 1; i--) {
    if (!random.chance(0.2)) continue;
    const j = 1 + random.int(i);
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  const topics: Record<string, string[]> = {};
  for (const alias of listed) topics[alias] = topicsOf(random, aliases, separator ?? '.');
  return { text: `${lines.join('\n')}\n`, topics };
}
