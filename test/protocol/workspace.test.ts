import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, clientOnCopyOf, diagnosticsUntil, eventually } from './lspClient';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'per-dc-identity');

describe('workspace-wide analysis over stdio', () => {
  let client: TestClient;
  let folder: string;
  let dc1: string;
  let dc2: string;

  before(async () => {
    ({ client, folder } = await clientOnCopyOf(EXAMPLE));
    dc1 = pathToFileURL(path.join(folder, 'dc1', 'mm2.properties')).href;
    dc2 = pathToFileURL(path.join(folder, 'dc2', 'mm2.properties')).href;
  });

  after(async () => {
    await client.shutdown();
  });

  it('reports a loop spanning two closed files, pointing at the other file', async () => {
    const [first, second] = await Promise.all([client.nextDiagnostics(dc1), client.nextDiagnostics(dc2)]);
    const cycles = [...first.diagnostics, ...second.diagnostics].filter((d: Diagnostic) => d.code === 'replication-cycle');
    assert.equal(cycles.length, 1);
    assert.equal(first.diagnostics.length, 1, 'the loop is reported in dc1, where K2->K1 is enabled first');
    assert.ok(cycles[0].relatedInformation!.some((r) => r.location.uri === dc2), JSON.stringify(cycles[0].relatedInformation));
  });

  it('re-checks every file when one changes in the editor', async () => {
    const withDefault = (uri: string) => fs.readFileSync(new URL(uri), 'utf8').replace('IdentityReplicationPolicy', 'DefaultReplicationPolicy');
    // Half a fix: K1->K2 now prefixes, but K2->K1 still keeps names, so `orders` of K2 comes back
    // to K2 once, as K1.orders, which K2->K1's filter (`orders, payments`) then stops: an echo.
    // The closed file's diagnostics change with the open one's text (a file whose diagnostics stay is not sent again).
    const shown = () => [...(client.shown.get(dc1) ?? []), ...(client.shown.get(dc2) ?? [])];
    await client.open(dc2, withDefault(dc2));
    await eventually(() => shown().some((d) => d.message === 'Replication echo K2 → K1 → K2'), 'the echo shown');
    const loops = shown().filter((d) => d.code === 'replication-cycle');
    assert.equal(loops.length, 1);
    assert.match(loops[0].relatedInformation![0].message, /^Topic 'orders' of K2 comes back to K2 once, as 'K1.orders'/);
    assert.equal(loops[0].severity, 2, 'an echo is a warning');
    await client.open(dc1, withDefault(dc1));
    await eventually(() => shown().length === 0, 'no loop shown');
  });

  it('follows files deleted on disk', async () => {
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: dc2 } });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: dc1 } });
    // Closed again, the files are read from disk (Identity on both sides): the loop is back.
    let dc1Diagnostics = (await client.nextDiagnostics(dc1)).diagnostics;
    while (!dc1Diagnostics.some((d) => d.code === 'replication-cycle')) dc1Diagnostics = (await client.nextDiagnostics(dc1)).diagnostics;
    fs.rmSync(new URL(dc2));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: dc2, type: 3 }] });
    // Publications queued before the deletion may still arrive first: wait for the final state.
    let second = (await client.nextDiagnostics(dc2)).diagnostics;
    while (second.length > 0) second = (await client.nextDiagnostics(dc2)).diagnostics;
    while (dc1Diagnostics.length > 0) dc1Diagnostics = (await client.nextDiagnostics(dc1)).diagnostics;
    assert.deepEqual(second, [], 'the deleted file\'s diagnostics are cleared');
    assert.deepEqual(dc1Diagnostics, [], 'and the loop it closed is gone from the other file');
  });
});

describe('a large workspace over stdio', () => {
  // 200 closed files, each a deployment of its own with a loop, and one file open in the editor.
  const FILES = 200;
  let client: TestClient;
  let folder: string;
  let openUri: string;
  const loop = (a: string, b: string) => `clusters = ${a}, ${b}\n${a}.bootstrap.servers = ${a}:9092\n${b}.bootstrap.servers = ${b}:9092\n${a}->${b}.enabled = true\n${b}->${a}.enabled = true\nreplication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy\n`;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-large-'));
    for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(folder, `node-${String(i).padStart(3, '0')}.mm2.properties`), loop(`a${i}`, `b${i}`));
    const open = path.join(folder, 'open.mm2.properties');
    fs.writeFileSync(open, loop('east', 'west'));
    openUri = pathToFileURL(open).href;
    client = new TestClient();
    await client.initializeFolder(folder, { pushDelayMs: 0 });
    await client.open(openUri, loop('east', 'west'));
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The status that follows a complete pass: every file published, the counts theirs. */
  const completePass = async (): Promise<{ files: number; errors: number }> => {
    for (;;) {
      const status = client.statuses.at(-1);
      if (status && status.files === FILES + 1) return status;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('publishes the open file first, then every other file, then the status', async () => {
    const status = await completePass();
    assert.equal(client.publishedOrder[0], openUri);
    assert.equal(new Set(client.publishedOrder).size, FILES + 1);
    assert.equal(status.errors, FILES + 1, 'one loop per file');
  });

  it('answers an edit made while the other files are being checked, and still finishes the pass', async () => {
    client.statuses.length = 0;
    const published = client.publishedOrder.length;
    // A change in a closed file makes a new pass; the edit to the open file comes while it runs.
    fs.writeFileSync(path.join(folder, 'node-000.mm2.properties'), loop('a0', 'b0').replace('IdentityReplicationPolicy', 'DefaultReplicationPolicy'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(folder, 'node-000.mm2.properties')).href, type: 2 }] });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: openUri, version: 2 }, contentChanges: [{ text: loop('east', 'west').replace('IdentityReplicationPolicy', 'DefaultReplicationPolicy') }] });
    const status = await completePass();
    assert.equal(status.errors, FILES - 1, 'the two files fixed have no loop');
    const open = await diagnosticsUntil(client, openUri, (d) => d.length === 0);
    assert.deepEqual(open, []);
    // Only the two files whose diagnostics changed are sent again.
    assert.deepEqual([...new Set(client.publishedOrder.slice(published))].sort(), [pathToFileURL(path.join(folder, 'node-000.mm2.properties')).href, openUri].sort());
  });
});
