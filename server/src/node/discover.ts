import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify, mayBeOurs } from '../core';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out']);

/** Reads at most this much of a candidate file to decide what it is. */
const SNIFF_BYTES = 64 * 1024;

function sniff(file: string): string {
  const handle = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = fs.readSync(handle, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    fs.closeSync(handle);
  }
}

/** Whether a file found while walking a folder is one MirrorLint analyses (the one classify() decides). */
export function isMirrorLintFile(file: string): boolean {
  if (!mayBeOurs(file)) return false;
  // Every `.tf` file: one without Aiven resources may hold the variables of one with them (a module is read whole).
  if (/\.tf$/i.test(file)) return true;
  try {
    return classify(file, sniff(file)) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Expands the CLI's path arguments: files are taken as given, folders are walked for the files
 * MirrorLint analyses. Missing paths are returned separately so the CLI can report them.
 */
export function discoverFiles(inputs: string[], cwd: string): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = (directory: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const dirent of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, dirent.name);
      if (dirent.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(dirent.name) && !dirent.name.startsWith('.')) walk(full);
      } else if (dirent.isFile() && isMirrorLintFile(full)) {
        files.add(full);
      }
    }
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (!fs.existsSync(absolute)) {
      missing.push(input);
      continue;
    }
    if (fs.statSync(absolute).isDirectory()) walk(absolute);
    else files.add(absolute);
  }
  return { files: [...files], missing };
}
