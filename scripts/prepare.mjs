// `npm install` / `npm pack` hook: build the bundles. When npm prepares this repository as a git
// dependency of a global install (pre-commit's node hooks do: `npm install -g git+file://…`), npm
// passes `global=true` on to the preparation and the build tools end up outside this folder:
// install them here first, then build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'node_modules', 'esbuild'))) {
  const env = { ...process.env, npm_config_global: 'false' };
  for (const key of ['npm_config_prefix', 'NPM_CONFIG_PREFIX', 'npm_config_global_prefix']) delete env[key];
  execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--include=dev'], { cwd: root, env, stdio: 'inherit' });
}
execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
