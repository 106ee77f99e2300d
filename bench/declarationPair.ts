/**
 * An active-active pair's declarations: `topics` per cluster (partitions drifting every 7th / 11th
 * topic), 300 schemas, `groups` consumer groups (half with a pattern that covers the remote copy,
 * half a list that misses it) and 200 producers; and the MM2 file that mirrors `topic-.*` both ways.
 */
export function declarationPair(topics: number, groups: number): { mm2: string; k1: string; k2: string } {
  const mm2 = 'clusters = K1, K2\nK1.bootstrap.servers = k1:9092\nK2.bootstrap.servers = k2:9092\nK1->K2.enabled = true\nK2->K1.enabled = true\nK1->K2.topics = topic-.*, orders\nK2->K1.topics = topic-.*, orders\nsync.group.offsets.enabled = true\n';
  const declarations = (alias: string, peer: string, drift: number): string => {
    const out = ['kind: KafkaTopology', `cluster: ${alias}`, 'topics:'];
    for (let i = 0; i < topics; i++) out.push(`  topic-${i}: { partitions: ${i % drift === 0 ? 6 : 12}, config: { retention.ms: "604800000", cleanup.policy: delete } }`);
    out.push('schemas:');
    for (let i = 0; i < 300; i += alias === 'K1' ? 1 : 2) out.push(`  - { subject: topic-${i}-value, type: AVRO }`);
    out.push('consumers:');
    for (let i = 0; i < groups; i++) out.push(i % 2 ? `  - { group: group-${i}, topics: [topic-${i}, topic-${i + 1}] }` : `  - { group: group-${i}, pattern: '(${peer}\\.)?topic-${i}' }`);
    out.push('producers:');
    for (let i = 0; i < 200; i++) out.push(`  - { name: app-${i}, topics: [topic-${i * 5}] }`);
    return out.join('\n');
  };
  return { mm2, k1: declarations('K1', 'K2', 7), k2: declarations('K2', 'K1', 11) };
}
