// The README's way to get the CLI and the standalone language server outside a clone: `npm pack`,
// then install the tarball. The package carries its bundles and needs nothing from the registry.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const ROOT = path.join(__dirname, '..', '..');
const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });

describe('the npm package', { timeout: 240_000 }, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mirrorlint-pack-'));
  const prefix = path.join(work, 'prefix');
  const bin = (name: string) => path.join(prefix, 'bin', name);

  it('installs from its tarball without the registry and lints the examples', () => {
    const tarball = npm(['pack', '--silent', '--pack-destination', work], ROOT).trim().split('\n').pop()!;
    npm(['install', '--global', '--offline', '--prefix', prefix, path.join(work, tarball)], work);
    const ok = spawnSync(bin('mirrorlint'), ['check', path.join(ROOT, 'examples', 'active-active')], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /consumer-missing-remote-topics/);
    const bad = spawnSync(bin('mirrorlint'), ['check', path.join(ROOT, 'examples', 'mistakes'), '--format', 'sarif'], { encoding: 'utf8' });
    assert.equal(bad.status, 1, bad.stderr);
    const rules = JSON.parse(bad.stdout).runs[0].tool.driver.rules as { help?: { markdown: string } }[];
    assert.ok(rules.every((rule) => rule.help), 'the rule pages are in the package');
    // Terraform needs the two WebAssembly files shipped beside the bundles.
    const aiven = spawnSync(bin('mirrorlint'), ['check', path.join(ROOT, 'examples', 'aiven-terraform'), '--format', 'json'], { encoding: 'utf8' });
    assert.deepEqual((JSON.parse(aiven.stdout).findings as { rule: string }[]).map((f) => f.rule).sort(), ['schema-not-synced', 'topic-config-drift'], aiven.stderr);
    // Live mode's Kafka client is a bundle of its own beside the others (esbuild.mjs).
    const kafka = path.join(prefix, 'lib', 'node_modules', 'mirrorlint', 'dist', 'kafka.js');
    const loaded = spawnSync(process.execPath, ['-e', `const k = require(${JSON.stringify(kafka)}); process.exit(typeof k.Admin === 'function' && typeof k.Consumer === 'function' ? 0 : 1)`], { encoding: 'utf8' });
    assert.equal(loaded.status, 0, loaded.stderr);
  });

  it('runs the language server over stdio from its own command', async () => {
    const child = spawn(bin('mirrorlint-language-server'), [], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      connection.listen();
      const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null })) as { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
      assert.ok(result.capabilities.hoverProvider);
      assert.ok(result.capabilities.codeActionProvider);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
    } finally {
      child.kill();
    }
  });
});
