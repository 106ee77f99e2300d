// The language server's entry (dist/server.js): loads the server bundle (dist/server-main.js)
// with V8's code cache. Compiling the bundle (3 MB) is a tenth to a sixth of a cold start, every
// time the editor starts the server; with the cache V8 takes the bytecode of the last start instead
// (63 → 9 ms measured on the 4.5 MB bundle). Node 22 does this itself (module.enableCompileCache);
// the Node of VS Code and of other editors may be 20, so it is done here: a cache per bundle
// version, Node version and architecture, written once the server has run a while, in a directory
// only this user can write.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

const BUNDLE = path.join(__dirname, 'server-main.js');
/** Long enough for the first analysis: the functions it compiled go into the cache too. */
const WRITE_AFTER_MS = 10_000;

/**
 * Where the cache lives: `--code-cache=<dir>` (the VS Code client gives its storage folder), else
 * MIRRORLINT_CODE_CACHE (empty: no cache), else a folder of this user's in the temporary directory.
 */
function cacheDirectory(): string | undefined {
  const argument = process.argv.find((a) => a.startsWith('--code-cache='));
  if (argument) return argument.slice('--code-cache='.length) || undefined;
  const variable = process.env.MIRRORLINT_CODE_CACHE;
  if (variable !== undefined) return variable || undefined;
  return path.join(os.tmpdir(), `mirrorlint-code-cache-${userName()}`);
}

/** os.userInfo throws for a user the system has no entry for (containers run as any uid). */
function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return String(process.getuid?.() ?? 'user');
  }
}

/** The directory, made if needed; undefined unless this user owns it and nobody else may write in it (bytecode found there runs). */
function safeDirectory(directory: string): string | undefined {
  try {
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    // lstat: a symbolic link planted under that name is refused, not followed.
    const stat = fs.lstatSync(directory);
    if (!stat.isDirectory()) return undefined;
    if (process.platform !== 'win32' && (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0)) return undefined;
    return directory;
  } catch {
    return undefined;
  }
}

/** V8 checks a cache against the source's length, not its text: the bundle's size and time name it. */
function cacheName(): string {
  const stat = fs.statSync(BUNDLE);
  return `server-${stat.size}-${Math.trunc(stat.mtimeMs)}-${process.version}-${process.arch}.bin`;
}

function load(): void {
  const source = fs.readFileSync(BUNDLE, 'utf8');
  const directory = process.execArgv.some((a) => a.startsWith('--inspect')) ? undefined : cacheDirectory();
  const safe = directory && safeDirectory(directory);
  const cacheFile = safe ? path.join(safe, cacheName()) : undefined;
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache yet.
  }
  // CommonJS's own wrapper, so the bundle runs as if required.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  // The bundle has no import() (esbuild.mjs): with a cache, Node 20 would find no loader for it.
  const script = new vm.Script(wrapped, { filename: BUNDLE, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // Once, after the first analysis or when the server exits before that, whichever comes first.
    let written = false;
    const write = (): void => {
      if (written) return;
      written = true;
      writeCache(script, cacheFile);
    };
    setTimeout(write, WRITE_AFTER_MS).unref();
    process.on('exit', write);
  }
  const exports = {};
  const bundleModule = { exports, filename: BUNDLE, id: BUNDLE, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void).call(exports, exports, createRequire(BUNDLE), bundleModule, BUNDLE, __dirname);
}

/** Writes the cache beside the ones of older bundles, which it replaces; a rename, so that a server starting meanwhile reads all or nothing. */
function writeCache(script: vm.Script, cacheFile: string): void {
  try {
    const directory = path.dirname(cacheFile);
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, cacheFile);
    // Caches of older bundles for the same Node go; another Node's (another editor's) stay.
    const sameNode = `-${process.version}-${process.arch}.bin`;
    for (const entry of fs.readdirSync(directory)) {
      if (entry.startsWith('server-') && entry.endsWith(sameNode) && entry !== path.basename(cacheFile)) fs.rmSync(path.join(directory, entry), { force: true });
    }
  } catch {
    // A cache is an optimisation: a read-only or full disk only costs the next start its speed.
  }
}

load();
