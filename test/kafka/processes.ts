import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as readline from 'node:readline';

/**
 * Every process the mm2 layer starts (brokers, MirrorMaker, the admin tool) runs in its own process
 * group and is listed here, so that a failing scenario, a timeout or Ctrl-C leaves nothing behind.
 */
const RUNNING = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export function killAll(): void {
  for (const child of RUNNING) killGroup(child, 'SIGKILL');
  RUNNING.clear();
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

export interface Managed {
  child: ChildProcess;
  /** The last lines of its output, for error messages. */
  tail(): string;
  /** Resolves when a line matching `pattern` appears; rejects when the process exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs: number, what: string): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a process whose stdout and stderr go to `logFile` (and a short in-memory tail). */
export function start(command: string, args: string[], options: { cwd?: string; logFile: string; env?: NodeJS.ProcessEnv; stdin?: boolean }): Managed {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  RUNNING.add(child);
  const log = fs.createWriteStream(options.logFile);
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onLine = (line: string): void => {
    log.write(`${line}\n`);
    lines.push(line);
    if (lines.length > 60) lines.shift();
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  readline.createInterface({ input: child.stdout! }).on('line', onLine);
  readline.createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<void>((resolve) => child.on('exit', () => {
    RUNNING.delete(child);
    resolve();
  }));
  return {
    child,
    tail: () => lines.join('\n'),
    waitFor: (pattern, timeoutMs, what) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what}: not seen within ${timeoutMs} ms. Last output:\n${lines.join('\n')}`)), timeoutMs);
        const waiter = {
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        waiters.push(waiter);
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`${what}: the process exited (${child.exitCode ?? child.signalCode}). Last output:\n${lines.join('\n')}`));
        });
      }),
    stop: async (graceMs = 10_000) => {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      log.end();
    },
  };
}

const handedOut = new Set<number>();

/**
 * A free TCP port on 127.0.0.1 for a server a test starts. Below Linux's ephemeral range (32768 up),
 * from which the OS also takes the local ports of outgoing connections: a port picked there can be
 * taken by some client's connection before the server binds it. Never the same port twice.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (handedOut.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no free port between 20000 and 32000 on 127.0.0.1');
}

/** Talks JSON lines with a long-running process: one request, one answer with the same id. */
export class JsonLines {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (answer: Record<string, unknown>) => void; reject: (error: Error) => void }>();

  constructor(private readonly process: Managed) {
    readline.createInterface({ input: process.child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const answer = JSON.parse(line) as Record<string, unknown> & { id: number };
      this.pending.get(answer.id)?.resolve(answer);
      this.pending.delete(answer.id);
    });
    process.child.on('exit', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`the process exited:\n${process.tail()}`));
      this.pending.clear();
    });
  }

  request(body: Record<string, unknown>, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${JSON.stringify(body)} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (answer) => {
          clearTimeout(timer);
          if (typeof answer.error === 'string') reject(new Error(`${JSON.stringify(body)}: ${answer.error}`));
          else resolve(answer);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.process.child.stdin?.write(`${JSON.stringify({ ...body, id })}\n`);
    });
  }
}
