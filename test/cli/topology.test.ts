import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { run } from '../../server/src/cli/main';
import { NEWEST_KAFKA, snapshotOf } from '../../server/src/core';

type Mermaid = { parse(text: string): Promise<unknown>; initialize(config: object): void; render(id: string, text: string): Promise<{ svg: string }> };
let mermaid: Mermaid;

function runIn(cwd: string, args: string[]): { code: number; stdout: string } {
  let stdout = '';
  const code = run(args, cwd, (t) => (stdout += t), () => undefined);
  return { code, stdout };
}

const MESH = 'clusters = A, B, C\nA.bootstrap.servers = a:1\nB.bootstrap.servers = b:1\nC.bootstrap.servers = c:1\nenabled = true\nA->B.topics = orders, "quoted"\n';

describe('mirrorlint topology', () => {
  before(async () => {
    // Mermaid's parser needs a DOM (DOMPurify); jsdom provides one in Node.
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    // Layout is not what these tests check: jsdom has none, so text measures a fixed size.
    const svgElement = (dom.window as unknown as { SVGElement: { prototype: Record<string, unknown> } }).SVGElement.prototype;
    svgElement.getBBox = () => ({ x: 0, y: 0, width: 10, height: 10 });
    svgElement.getComputedTextLength = () => 10;
    mermaid = ((await import('mermaid')) as unknown as { default: Mermaid }).default;
  });

  it('prints a Mermaid flowchart that Mermaid itself parses', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-topology-'));
    fs.writeFileSync(path.join(dir, 'mm2.properties'), MESH);
    fs.copyFileSync(path.join(__dirname, '..', '..', 'examples', 'mistakes', 'three-dc-mesh.mm2.properties'), path.join(dir, 'three-dc-mesh.mm2.properties'));
    const { code, stdout } = runIn(dir, ['topology', '--format', 'mermaid']);
    assert.equal(code, 0);
    assert.match(stdout, /^flowchart LR\n/);
    assert.match(stdout, /c\d+ -->\|"DefaultReplicationPolicy: A\.orders/);
    await mermaid.parse(stdout);
    await assert.rejects(mermaid.parse('flowchart LR\n  c0 -->|"unclosed| c1[[\n'), 'the parser rejects broken charts');
  });

  it('renders hostile aliases and folder names as text, never as elements', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const yaml = `apiVersion: kafka.strimzi.io/v1\nkind: KafkaMirrorMaker2\nmetadata: {name: mm2}\nspec:\n  replicas: 1\n  target: {alias: "${hostile}", bootstrapServers: "k2:9092", groupId: g, configStorageTopic: c, offsetStorageTopic: o, statusStorageTopic: s}\n  mirrors:\n    - source: {alias: "K1 \\"]</b><script>x</script>#quot;", bootstrapServers: "k1:9092"}\n      topicsPattern: orders\n      sourceConnector: {}\n`;
    const chart = snapshotOf([{ uri: 'file:///ws/%3Csvg%20onload%3Dalert(1)%3E/mm2.yaml', text: yaml }, { uri: 'file:///ws/other/mm2.properties', text: 'clusters = A, B\nA.bootstrap.servers = a:1\nB.bootstrap.servers = b:1\nA->B.enabled = true\n' }]).mermaid();
    assert.ok(!/[<>]/.test(chart.replace(/-->/g, '')), chart);
    await mermaid.parse(chart);
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const { svg } = await mermaid.render('hostile', chart);
    const rendered = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    const foreign = [...rendered.querySelectorAll('img, script, iframe, object, embed, b, svg svg')].map((e) => e.outerHTML);
    assert.deepEqual(foreign, []);
    const handlers = [...rendered.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name));
    assert.deepEqual(handlers, []);
    assert.ok(rendered.documentElement.textContent!.includes(hostile), 'the alias is shown as it is written');
  });

  it('draws replication loops in red, in a chart Mermaid parses', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-topology-'));
    fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'per-dc-identity'), dir, { recursive: true });
    const { stdout } = runIn(dir, ['topology', '--format', 'mermaid']);
    // One policy for every flow: named once, in the title, not on every arrow.
    assert.match(stdout, /^---\ntitle: Every flow uses IdentityReplicationPolicy\n---\nflowchart LR\n/);
    assert.match(stdout, /-->\|"LOOP · orders/);
    assert.match(stdout, /linkStyle 0,1 stroke:#d73a49/);
    assert.match(stdout, /\["K1"\]:::loop/);
    await mermaid.parse(stdout);
  });

  it('draws chaining flows in orange with their policy when policies differ, and a deployment without flows as one note', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-topology-'));
    fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'mistakes', 'three-dc-mesh.mm2.properties'), path.join(dir, 'mesh.mm2.properties'));
    const mesh = runIn(dir, ['topology', '--format', 'mermaid']).stdout;
    assert.match(mesh, /c1 -->\|"CHAIN · DefaultReplicationPolicy: B\.\*"\| c2/);
    assert.match(mesh, /-->\|"LegacyReplicationPolicy: A::\*"\|/);
    assert.match(mesh, /linkStyle 3 stroke:#e36209/);
    await mermaid.parse(mesh);
    const idle = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-topology-'));
    fs.writeFileSync(path.join(idle, 'mm2.properties'), 'clusters = A, B\nA.bootstrap.servers = a:9092\nB.bootstrap.servers = b:9092\n');
    const chart = runIn(idle, ['topology', '--format', 'mermaid']).stdout;
    assert.equal(chart, 'flowchart LR\n  none["A, B: no enabled flow"]:::muted\n  classDef muted stroke-dasharray:4 4,opacity:0.7\n');
    await mermaid.parse(chart);
  });

  it('tells two deployments of one folder apart by their files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-topology-'));
    const config = (env: string) => `clusters = A, B\nA.bootstrap.servers = ${env}-a:9092\nB.bootstrap.servers = ${env}-b:9092\nA->B.enabled = true\n`;
    fs.mkdirSync(path.join(dir, 'conf'));
    fs.writeFileSync(path.join(dir, 'conf', 'staging.mm2.properties'), config('staging'));
    fs.writeFileSync(path.join(dir, 'conf', 'prod.mm2.properties'), config('prod'));
    const names = JSON.parse(runIn(dir, ['topology']).stdout).deployments.map((d: { name: string }) => d.name).sort();
    assert.deepEqual(names, ['conf: prod.mm2.properties', 'conf: staging.mm2.properties']);
  });

  it('prints clusters, flows and remote topics per cluster as JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-topology-'));
    fs.writeFileSync(path.join(dir, 'mm2.properties'), 'clusters = A, B, C\nA->B.enabled = true\nB->C.enabled = true\nA->B.topics = orders\n');
    const { stdout } = runIn(dir, ['topology']);
    const topology = JSON.parse(stdout);
    assert.equal(topology.version, 2);
    const [deployment] = topology.deployments;
    assert.deepEqual(deployment.flows.map((f: { id: string; file: string }) => [f.id, f.file]), [['A->B', 'mm2.properties'], ['B->C', 'mm2.properties']]);
    assert.deepEqual(deployment.flows[0].produces, ['A.orders']);
    assert.deepEqual(deployment.remoteTopics.C.find((t: { name: string }) => t.name === 'B.A.orders').path, ['A', 'B', 'C']);
    assert.equal(runIn(dir, ['topology', '--format', 'sarif']).code, 2);
  });

  it('lists the topics MM2 creates for itself: heartbeats and their copies, checkpoints, offset syncs, worker storage', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-topology-'));
    fs.writeFileSync(path.join(dir, 'mm2.properties'), 'clusters = primary, backup\nprimary->backup.enabled = true\nprimary->backup.topics = orders\n');
    const [deployment] = JSON.parse(runIn(dir, ['topology']).stdout).deployments;
    const names = (deployment.mm2Topics as { cluster: string; name: string; role: string }[]).map((t) => `${t.cluster} ${t.name} ${t.role}`).sort();
    assert.deepEqual(names, [
      'backup heartbeats heartbeats',
      'backup mm2-configs.primary.internal connect-configs',
      'backup mm2-offsets.primary.internal connect-offsets',
      'backup mm2-status.primary.internal connect-status',
      'backup primary.checkpoints.internal checkpoints',
      'backup primary.heartbeats heartbeats-copy',
      'primary heartbeats heartbeats',
      'primary mm2-configs.backup.internal connect-configs',
      'primary mm2-offset-syncs.backup.internal offset-syncs',
      'primary mm2-offsets.backup.internal connect-offsets',
      'primary mm2-status.backup.internal connect-status',
    ]);
  });

  it('reads flows with the Kafka version of --kafka-version, else of .mirrorlint.yaml, else the newest known', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-topology-'));
    fs.writeFileSync(path.join(dir, 'mm2.properties'), 'clusters = A, B\nA->B.enabled = true\nA->B.topics = x.internal, orders\n');
    const flowOf = (args: string[]) => JSON.parse(runIn(dir, ['topology', ...args]).stdout).deployments[0].flows[0];
    assert.deepEqual(flowOf([]).kafkaVersion, { version: NEWEST_KAFKA, configured: false });
    assert.deepEqual(flowOf([]).produces, ['A.x.internal', 'A.orders']);
    fs.writeFileSync(path.join(dir, '.mirrorlint.yaml'), 'kafkaVersion: 3.9\n');
    assert.deepEqual(flowOf([]).kafkaVersion, { version: '3.9', configured: true });
    assert.deepEqual(flowOf([]).produces, ['A.orders'], 'before 4.0, x.internal is internal');
    assert.deepEqual(flowOf(['--kafka-version', '4.0.0']).kafkaVersion, { version: '4.0.0', configured: true });
    assert.equal(runIn(dir, ['topology', '--kafka-version', 'latest']).code, 2);
  });
});
