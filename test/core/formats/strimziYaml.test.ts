import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeWorkspace } from '../../../server/src/core';
import { readYamlFile } from '../../../server/src/core/formats/yaml/read';
import { declaresKafkaMirrorMaker2 } from '../../../server/src/core/formats/yaml/strimzi';

const parseStrimziYaml = (text: string) => {
  const facts = readYamlFile('x.yaml', text);
  return { config: facts.mm2 ?? { flows: [] }, problems: facts.problems };
};

const SHARED = path.join(__dirname, '..', '..', '..', '..', 'shared', 'examples', 'public', 'strimzi');
const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const read = (file: string) => fs.readFileSync(file, 'utf8');

describe('Strimzi KafkaMirrorMaker2 source', () => {
  it('recognises KafkaMirrorMaker2 resources and leaves other YAML alone', () => {
    assert.ok(declaresKafkaMirrorMaker2('apiVersion: kafka.strimzi.io/v1\nkind: KafkaMirrorMaker2\n'));
    assert.ok(!declaresKafkaMirrorMaker2('apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\n'));
    assert.ok(!declaresKafkaMirrorMaker2('apiVersion: apps/v1\nkind: Deployment\n'));
    assert.deepEqual(parseStrimziYaml('apiVersion: v1\nkind: ConfigMap\n').config.flows, []);
  });

  it('reads both API shapes into flows with their policy and filters', { skip: !fs.existsSync(SHARED) && 'shared/ examples not beside the repo' }, () => {
    const v1beta2 = readYamlFile('a.yaml', read(path.join(SHARED, 'kafka-mirror-maker-2.yaml'))).mm2!;
    assert.deepEqual(v1beta2.flows.map((f) => f.id), ['cluster-a->cluster-b']);
    assert.equal(v1beta2.effective(v1beta2.flows[0], 'topics').value, '.*');
    assert.equal(v1beta2.bootstrapServers('cluster-b'), 'cluster-b-kafka-bootstrap:9092');
    const v1 = readYamlFile('b.yaml', read(path.join(SHARED, 'kafka-mirror-maker-2-custom-replication-policy.v1.yaml'))).mm2!;
    assert.deepEqual(v1.flows.map((f) => f.id), ['cluster-a->cluster-b']);
    assert.equal(v1.effective(v1.flows[0], 'replication.policy.class').value, 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy');
  });

  it('reads Strimzi\'s public examples with no warning or error', { skip: !fs.existsSync(SHARED) && 'shared/ examples not beside the repo' }, () => {
    for (const file of fs.readdirSync(SHARED)) {
      const findings = analyzeWorkspace([{ uri: file, text: read(path.join(SHARED, file)) }]).get(file)!.findings;
      // `topicsPattern: ".*"`: under DefaultReplicationPolicy nothing to say; with
      // IdentityReplicationPolicy a `_schemas` of cluster-a would land on cluster-b's, but nothing
      // shows either has one, so it is said at info.
      const identity = read(path.join(SHARED, file)).includes('IdentityReplicationPolicy');
      assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.severity}`), identity ? ['internal-topics-replicated info'] : [], file);
      if (identity) assert.match(findings[0].message, /It copies `_schemas`/);
    }
  });

  it('finds the loop of an active-active pair of resources in two files, pointing at both', () => {
    const folder = path.join(EXAMPLES, 'strimzi-identity');
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.yaml'));
    const results = analyzeWorkspace(files.map((file) => ({ uri: file, text: read(path.join(folder, file)) })));
    const cycles = [...results.entries()].flatMap(([uri, a]) => a.findings.filter((f) => f.ruleId === 'replication-cycle').map((f) => ({ uri, f })));
    assert.equal(cycles.length, 1);
    const other = files.find((f) => f !== cycles[0].uri);
    assert.ok(cycles[0].f.related.some((r) => r.uri === other), 'related locations in the other resource\'s file');
    assert.ok(cycles[0].f.related.some((r) => r.uri === undefined), 'and in its own');
  });

  it('reports a readable problem for broken YAML instead of throwing', () => {
    const { problems } = parseStrimziYaml('apiVersion: kafka.strimzi.io/v1\nkind: KafkaMirrorMaker2\nspec: {mirrors: [\n');
    assert.ok(problems.length > 0);
    assert.match(problems[0].message, /Not valid YAML/);
  });
});
