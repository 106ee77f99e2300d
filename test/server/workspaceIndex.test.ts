import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';

const LOOP = 'clusters = A, B\nA.bootstrap.servers = a:9092\nB.bootstrap.servers = b:9092\nA->B.enabled = true\nB->A.enabled = true\nreplication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy\n';

describe('WorkspaceIndex', () => {
  it('reads the newest analysis when two analyses overlap, never one the later replaced', async () => {
    let documents = [TextDocument.create('file:///w/a.mm2.properties', 'mm2-properties', 1, LOOP)];
    // Settings arrive later, as the client's answer does: both analyses wait for them, then run one after the other.
    const index = new WorkspaceIndex({
      openDocuments: () => documents,
      settingsOf: () => new Promise((resolve) => setTimeout(() => resolve({ settings: DEFAULT_SETTINGS, problems: [] }), 20)),
      log: () => undefined,
    });
    // A request arrives while the first analysis waits for settings; an edit starts a second one.
    const first = index.snapshot();
    const newest = index.latest((snapshot) => snapshot.findings('file:///w/a.mm2.properties'));
    documents = [TextDocument.create('file:///w/a.mm2.properties', 'mm2-properties', 2, `# edited\n${LOOP}`)];
    index.invalidate();
    void index.snapshot();
    // The first analysis was replaced by the time its callers run: it cannot lint the file any more.
    const replaced = await first;
    assert.throws(() => replaced.findings('file:///w/a.mm2.properties'), /a later one replaced/);
    const findings = await newest;
    assert.ok(findings.some((f) => f.ruleId === 'replication-cycle'));
    // Positions are the edited text's (its first line is the comment).
    assert.ok(findings.every((f) => f.range.start >= '# edited\n'.length), JSON.stringify(findings.map((f) => f.range)));
  });
});
