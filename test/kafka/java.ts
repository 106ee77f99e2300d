import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';

/** Apache Kafka's jars and the oracle's compiled classes, per version, outside the repository's tracked files. */
export const ROOT = path.join(__dirname, '..', '..');
export const WORK = path.join(ROOT, '.kafka');
const POM = path.join(__dirname, 'pom.xml');
const SOURCES = path.join(__dirname, 'java');

export interface Toolchain {
  java: string;
  javac: string;
  mvn: string;
}

/** java, javac and mvn, or why this layer cannot run here. */
export function toolchain(): Toolchain | string {
  const which = (tool: string): string | undefined => {
    const result = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const java = which('java');
  const javac = which('javac');
  const mvn = which('mvn');
  if (!java || !javac) return 'no Java 17+ (java and javac) on the PATH';
  if (!mvn) return 'no Maven (mvn) on the PATH to fetch Apache Kafka\'s artifacts';
  return { java, javac, mvn };
}

export interface KafkaRuntime {
  version: string;
  classpath: string;
  java: string;
}

/** Fetches Kafka `version` with Maven (cached in ~/.m2 and .kafka/) and compiles the oracle against it. */
export function prepare(tools: Toolchain, version: string, log: (line: string) => void): KafkaRuntime {
  const lib = path.join(WORK, `lib-${version}`);
  const classes = path.join(WORK, `classes-${version}`);
  if (!fs.existsSync(lib) || fs.readdirSync(lib).filter((f) => f.endsWith('.jar')).length < 20) {
    log(`fetching Apache Kafka ${version} with Maven…`);
    const fetched = spawnSync(tools.mvn, ['-q', '-B', '-f', POM, `-Dkafka.version=${version}`, 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (fetched.status !== 0) throw new Error(`Maven could not fetch Apache Kafka ${version}:\n${fetched.stdout}${fetched.stderr}`);
  }
  const sources = listJava(SOURCES);
  const stamp = path.join(classes, '.sources');
  const signature = sources.map((f) => `${f}:${fs.statSync(f).mtimeMs}`).join('\n');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== signature) {
    fs.rmSync(classes, { recursive: true, force: true });
    fs.mkdirSync(classes, { recursive: true });
    const compiled = spawnSync(tools.javac, ['-nowarn', '-d', classes, '-cp', `${lib}/*`, ...sources], { encoding: 'utf8' });
    if (compiled.status !== 0) throw new Error(`javac failed against Kafka ${version}:\n${compiled.stderr}`);
    fs.writeFileSync(stamp, signature);
  }
  return { version, classpath: `${classes}${path.delimiter}${lib}/*`, java: tools.java };
}

function listJava(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? listJava(path.join(folder, d.name)) : d.name.endsWith('.java') ? [path.join(folder, d.name)] : []));
}

/**
 * Sends JSON requests to a Java program, one per line, and collects its one-line answers by id.
 * The process is ended when the answers are in, and killed if it takes longer than `timeoutMs`.
 */
export async function ask<Q extends { id: number }, A extends { id: number }>(runtime: KafkaRuntime, mainClass: string, args: string[], requests: Q[], timeoutMs: number): Promise<Map<number, A>> {
  const child = spawn(runtime.java, ['-Xss8m', '-cp', runtime.classpath, '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', mainClass, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const answers = new Map<number, A>();
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const lines = readline.createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return;
    const answer = JSON.parse(line) as A;
    answers.set(answer.id, answer);
  });
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${mainClass} did not answer ${requests.length} requests within ${timeoutMs} ms (${answers.size} answered); stderr:\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (answers.size === requests.length) resolve();
      else reject(new Error(`${mainClass} exited with ${code} after ${answers.size} of ${requests.length} answers; stderr:\n${stderr}`));
    });
    child.on('error', reject);
  });
  for (const request of requests) {
    if (!child.stdin.write(`${JSON.stringify(request)}\n`)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  await done;
  return answers;
}
