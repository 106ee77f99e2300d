import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, applyEdits, snapshotOf, type HclParser, type SourceFile } from '../../../server/src/core';
import { classify } from '../../../server/src/core/formats';
import { TerraformModule } from '../../../server/src/core/formats/terraform/module';
import { parseTerraformFile, readTerraformModule } from '../../../server/src/core/formats/terraform/read';
import { loadHclParser } from '../../../server/src/node/hcl';

let hcl: HclParser;
before(async () => {
  const loaded = await loadHclParser((message) => assert.fail(message));
  assert.ok(loaded, 'the HCL parser loads from node_modules');
  hcl = loaded;
});

const read = (files: Record<string, string>) =>
  readTerraformModule(Object.entries(files).map(([uri, text]) => ({ uri, text, hcl: parseTerraformFile(text, hcl) })), () => true);

const FLOW = `resource "aiven_mirrormaker_replication_flow" "f" {
  project        = "acme"
  service_name   = "mm"
  source_cluster = "K1"
  target_cluster = "K2"
  enable         = true
  topics = [
    "orders",
    "pay\\\\..*",
  ]
  replication_policy_class = var.policy
}
`;

describe('Terraform reader', () => {
  it('classifies .tf files with Aiven resources as Terraform, and others as not MirrorLint\'s', () => {
    assert.equal(classify('main.tf', FLOW), 'terraform');
    assert.equal(classify('vars.tf', 'variable "x" {}'), undefined);
  });

  it('decodes HCL strings and maps each character of a list setting back to the source', () => {
    const [facts] = read({ 'main.tf': FLOW, 'vars.tf': 'variable "policy" {\n  default = "org.apache.kafka.connect.mirror.IdentityReplicationPolicy"\n}\n' });
    const topics = facts.mm2!.settings.find((s) => s.key === 'topics')!;
    assert.equal(topics.value, 'orders,pay\\..*');
    assert.equal(topics.shape.property, 'topics');
    // The `p` of the second item sits after its opening quote in the source.
    const p = topics.value.indexOf('pay');
    assert.equal(FLOW[topics.valueOffsets.at(p)], 'p');
    assert.equal(FLOW.slice(topics.valueOffsets.at(p + 3), topics.valueOffsets.at(p + 3) + 2), '\\\\', 'an escaped backslash maps to its escape');
    // A value from another file's variable: the setting points at the reference written here.
    const policy = facts.mm2!.settings.find((s) => s.key === 'replication_policy_class')!;
    assert.equal(policy.value, 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy');
    assert.equal(FLOW.slice(policy.valueRange.start, policy.valueRange.end), 'var.policy');
    assert.deepEqual(facts.mm2!.flows.map((f) => [f.id, f.enabled]), [['K1->K2', true]]);
  });

  it('resolves variable defaults, locals, resource and data arguments and templates, and leaves the rest unknown', () => {
    const text = `variable "a" { default = "x" }
variable "nodefault" {}
locals {
  b = "\${var.a}-y"
  loop1 = local.loop2
  loop2 = local.loop1
  path = "\${path.module}/s.avsc"
}
resource "aiven_kafka" "k" { service_name = local.b }
data "aiven_kafka" "d" { service_name = "remote" }
`;
    const module = new TerraformModule([{ uri: 'm.tf', text, hcl: parseTerraformFile(text, hcl) }]);
    const value = (expr: string) => {
      const probe = `x = ${expr}\n`;
      const attribute = parseTerraformFile(probe, hcl).body.attributes[0];
      const resolved = module.resolve(attribute.value, 'probe.tf');
      return resolved?.kind === 'string' ? resolved.value : resolved?.kind;
    };
    assert.equal(value('var.a'), 'x');
    assert.equal(value('local.b'), 'x-y');
    assert.equal(value('aiven_kafka.k.service_name'), 'x-y');
    assert.equal(value('data.aiven_kafka.d.service_name'), 'remote');
    assert.equal(value('local.path'), './s.avsc');
    assert.equal(value('var.nodefault'), undefined);
    assert.equal(value('aiven_kafka.k.id'), undefined);
    assert.equal(value('local.loop1'), undefined, 'a reference loop is unknown, not a hang');
    assert.equal(value('upper("a")'), undefined);
  });

  it('ties aliases to Aiven services through the kafka_mirrormaker integrations, and declarations to aliases', () => {
    const integration = (alias: string, service: string) => `resource "aiven_service_integration" "${alias}" {
  project = "acme"
  integration_type = "kafka_mirrormaker"
  source_service_name = "${service}"
  destination_service_name = "mm"
  kafka_mirrormaker_user_config {
    cluster_alias = "${alias}"
  }
}
`;
    const topics = 'resource "aiven_kafka_topic" "t" {\n  service_name = "kafka-2"\n  topic_name = "orders"\n  partitions = 3\n  config {\n    retention_ms = 1000\n  }\n}\n';
    const files = read({ 'int.tf': integration('K1', 'kafka-1') + integration('K2', 'kafka-2'), 'main.tf': FLOW.replace('var.policy', '"x"'), 'topics.tf': topics });
    const flowFile = files.find((f) => f.uri === 'main.tf')!;
    assert.equal(flowFile.mm2!.bootstrapServers('K1'), 'aiven:acme/kafka-1');
    const section = files.find((f) => f.uri === 'topics.tf')!.declarations!.sections[0];
    assert.equal(section.alias?.value, 'K2');
    assert.deepEqual([...section.topics[0].config].map(([k, v]) => [k, v.value]), [['retention.ms', '1000']]);
    assert.equal(section.topics[0].partitions?.value, 3);
  });

  it('leaves a flow with an unresolvable argument unchecked, and says so', () => {
    const text = FLOW.replace('var.policy', 'var.missing');
    const [facts] = read({ 'main.tf': text });
    assert.equal(facts.mm2!.flows[0].enabled, false);
    assert.deepEqual(facts.mm2!.terraform!.unresolved.map((u) => [u.name, u.flow]), [['replication_policy_class', 'K1->K2']]);
  });

  it('reports broken HCL once, where the parser stopped, and still reads what it can', () => {
    const [facts] = read({ 'main.tf': FLOW.replace(/}\n$/, '') });
    assert.equal(facts.problems.length, 1);
    assert.match(facts.problems[0].message, /never closed/);
    assert.equal(FLOW.slice(facts.problems[0].range.start, facts.problems[0].range.end), '{');
  });

  it('says Terraform is not loaded rather than failing when the host has no parser', () => {
    const [analysis] = analyzeWorkspace([{ uri: 'main.tf', text: FLOW }]).values();
    assert.deepEqual(analysis.findings.map((f) => f.ruleId), ['document-syntax']);
    assert.match(analysis.findings[0].message, /Terraform support is not loaded/);
  });
});

describe('Terraform completion', () => {
  it('offers the arguments a flow does not have yet, with MM2\'s docs for those that are MM2 settings', () => {
    const text = FLOW.replace('  enable         = true\n', '  enable         = true\n  sync\n');
    const offset = text.indexOf('  sync\n') + 6;
    const labels = snapshotOf([{ uri: 'main.tf', text }], { hcl }).completion('main.tf', offset);
    const sync = labels.find((c) => c.label === 'sync_group_offsets_enabled');
    assert.ok(sync, labels.map((c) => c.label).join(' '));
    assert.match(sync.documentation ?? '', /sync\.group\.offsets\.enabled/);
    assert.deepEqual(sync.range, { start: offset - 4, end: offset });
    assert.ok(!labels.some((c) => c.label === 'topics'), 'an argument already written is not offered');
    const mm = 'resource "aiven_kafka_mirrormaker" "mm" {\n  service_name = "mm"\n  kafka_mirrormaker_user_config {\n    kafka_mirrormaker {\n      \n    }\n  }\n}\n';
    const inService = snapshotOf([{ uri: 'mm.tf', text: mm }], { hcl }).completion('mm.tf', mm.indexOf('      \n') + 6).map((c) => c.label);
    assert.ok(inService.includes('groups_exclude') && inService.includes('sync_topic_configs_enabled'), inService.join(' '));
  });
});

describe('Terraform writer', () => {
  const writerOf = (text: string) => read({ 'main.tf': text })[0];

  it('writes a list in the style of the list it replaces, escaping for HCL', () => {
    const facts = writerOf(FLOW.replace('var.policy', '"x"'));
    const topics = facts.mm2!.settings.find((s) => s.key === 'topics')!;
    const edited = applyEdits(facts.text, [facts.writer.setValue(topics, 'orders,a\\.b,"q"')]);
    assert.match(edited, /topics = \[\n {4}"orders",\n {4}"a\\\\.b",\n {4}"\\"q\\"",\n {2}\]/);
    const again = writerOf(edited).mm2!.settings.find((s) => s.key === 'topics')!;
    assert.equal(again.value, 'orders,a\\.b,"q"');
  });

  it('adds a missing argument before the closing brace with the block\'s indentation, and removes one with its line', () => {
    const facts = writerOf(FLOW.replace('var.policy', '"x"'));
    const flow = facts.mm2!.flows[0];
    const added = applyEdits(facts.text, [facts.writer.setFlowValue(flow, 'topics.exclude', '__.*,_schemas')!]);
    assert.match(added, /\n {2}topics_blacklist = \["__\.\*", "_schemas"\]\n}\n$/);
    const bool = applyEdits(facts.text, [facts.writer.setFlowValue(flow, 'sync.group.offsets.enabled', 'true')!]);
    assert.match(bool, /\n {2}sync_group_offsets_enabled = true\n}\n$/);
    const policy = facts.mm2!.settings.find((s) => s.key === 'replication_policy_class')!;
    const removed = applyEdits(facts.text, [facts.writer.remove(policy)]);
    assert.ok(!removed.includes('replication_policy_class'));
    assert.equal(removed.split('\n').length, facts.text.split('\n').length - 1);
  });
});

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'aiven-terraform');

describe('Terraform under random input', () => {
  const sources = (): SourceFile[] => fs.readdirSync(EXAMPLE).filter((f) => f.endsWith('.tf')).map((f) => ({ uri: path.join(EXAMPLE, f), text: fs.readFileSync(path.join(EXAMPLE, f), 'utf8') }));

  it('never throws or reports an internal error on mutated example modules, and keeps ranges and fixes inside the text', () => {
    const originals = sources();
    const tokens = ['{', '}', '[', ']', '"', '${', '<<EOT\n', '=', '\n', 'var.', 'local.x', '\\', '#', '/*', ',', '"aiven_mirrormaker_replication_flow"', 'resource'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: originals.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.constantFrom(...tokens)), { minLength: 1, maxLength: 6 }), (which, mutations) => {
        let text = originals[which].text;
        for (const [at, cut, token] of mutations) {
          const offset = at % (text.length + 1);
          text = text.slice(0, offset) + token + text.slice(offset + cut);
        }
        const files = originals.map((s, i) => (i === which ? { ...s, text } : s));
        const results = analyzeWorkspace(files, { hcl });
        for (const [uri, analysis] of results) {
          const own = files.find((f) => f.uri === uri)!.text;
          const inside = (r: { start: number; end: number }) => r.start >= 0 && r.start <= r.end && r.end <= own.length;
          for (const finding of analysis.findings) {
            assert.notEqual(finding.ruleId, 'internal-error', finding.message);
            assert.ok(inside(finding.range), `${finding.ruleId} out of ${uri}`);
            for (const fix of finding.fixes) for (const edit of fix.edits) if (!edit.uri || edit.uri === uri) assert.ok(inside(edit.range), fix.title);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on random text, deep nesting or huge literals', () => {
    const deep = `x = ${'['.repeat(5000)}`;
    const huge = `resource "aiven_kafka_topic" "t" {\n  topic_name = "${'a'.repeat(200_000)}"\n}\n`;
    for (const text of [deep, huge, '\u0000\uffff', 'resource "aiven_kafka_topic"', '<<EOT']) {
      const results = analyzeWorkspace([{ uri: 'x.tf', text: `${text}\nresource "aiven_kafka_topic" "u" {}` }], { hcl });
      for (const analysis of results.values()) assert.ok(!analysis.findings.some((f) => f.ruleId === 'internal-error'));
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const results = analyzeWorkspace([{ uri: 'r.tf', text: `resource "aiven_kafka_topic" "t" {\n${text}\n}` }], { hcl });
        for (const analysis of results.values()) assert.ok(!analysis.findings.some((f) => f.ruleId === 'internal-error'));
      }),
      { numRuns: 200 },
    );
  });

  it('gives hovers, symbols and the topology on Terraform input', () => {
    const snapshot = snapshotOf(sources(), { hcl });
    const mirrormaker = snapshot.files.find((f) => f.uri.endsWith('mirrormaker.tf'))!;
    const offset = mirrormaker.file.text.indexOf('topics           = [".*"]');
    assert.ok(snapshot.hover(mirrormaker.uri, offset), 'a hover on `topics`');
    const topology = snapshot.topology();
    assert.deepEqual(topology[0].flows.map((f) => f.id).sort(), ['east->west', 'west->east']);
  });
});
