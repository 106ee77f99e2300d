import * as fs from 'node:fs';
import * as path from 'node:path';
import { declaresMm2Content } from '../core/lint/engine';

const MM2_FILE_NAMES = /(^|\.)mm2\.properties$|^connect-mirror-maker\.properties$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out']);

/** Reads at most this much of a candidate file to decide whether it declares `clusters`. */
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

/**
 * Whether a file found while walking a folder is an MM2 config: a dedicated-mode properties file
 * (by name, or declaring `clusters`) or a Kafka Connect JSON config of a Mirror connector.
 */
export function isMm2PropertiesFile(file: string): boolean {
  const name = path.basename(file);
  if (MM2_FILE_NAMES.test(name)) return true;
  return /\.(properties|json|ya?ml)$/i.test(name) && declaresMm2Content(name, sniff(file));
}

/**
 * Expands the CLI's path arguments: files are taken as given, folders are walked for MM2
 * properties files. Missing paths are returned separately so the CLI can report them.
 */
export function discoverFiles(inputs: string[], cwd: string): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = (directory: string): void => {
    for (const dirent of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, dirent.name);
      if (dirent.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(dirent.name) && !dirent.name.startsWith('.')) walk(full);
      } else if (dirent.isFile() && isMm2PropertiesFile(full)) {
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
