import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { generatedFiles } from '../../scripts/generated';

const SCHEMAS = path.join(__dirname, '..', '..', 'schemas');
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), 'utf8'));

describe('shipped JSON Schemas', () => {
  it('every generated file is current: schemas, the settings\' rule ids, the rule tables (run `npm run generate`)', () => {
    for (const { file, text } of generatedFiles()) assert.equal(fs.readFileSync(file, 'utf8'), text, path.relative(process.cwd(), file));
  });

  it('compile with ajv and accept and reject what they should', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(load('kafkamirrormaker2.v1.json'), './kafkamirrormaker2.v1.json');
    ajv.addSchema(load('kafkamirrormaker2.v1beta2.json'), './kafkamirrormaker2.v1beta2.json');
    const kmm2 = ajv.compile(load('kafkamirrormaker2.json'));
    const target = { alias: 'K2', bootstrapServers: 'k2:9092', groupId: 'g', configStorageTopic: 'c', offsetStorageTopic: 'o', statusStorageTopic: 's' };
    const v1 = { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaMirrorMaker2', spec: { replicas: 1, target, mirrors: [{ source: { alias: 'K1', bootstrapServers: 'k1:9092' } }] } };
    assert.ok(kmm2(v1), JSON.stringify(kmm2.errors));
    assert.ok(!kmm2({ ...v1, spec: { ...v1.spec, replicas: 'two' } }));
    const v1beta2 = { apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'KafkaMirrorMaker2', spec: { connectCluster: 'b', clusters: [{ alias: 'a', bootstrapServers: 'a:1' }], mirrors: [{ sourceCluster: 'a', targetCluster: 'b' }] } };
    assert.ok(kmm2(v1beta2), JSON.stringify(kmm2.errors));
    const connector = ajv.compile(load('mirror-connector.json'));
    assert.ok(connector({ name: 'x', config: { 'connector.class': 'MirrorSourceConnector', 'tasks.max': 2, 'sync.topic.acls.enabled': false } }));
    assert.ok(!connector({ config: { 'offset-syncs.topic.location': 'remote' } }));
  });
});
