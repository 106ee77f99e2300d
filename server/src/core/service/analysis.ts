import type { Finding } from '../base/finding';
import type { ReadResult } from '../base/read';
import { classify, readFile, type FileFacts, type FileKind } from '../formats';
import type { WorkspaceConfig } from '../formats/mirrorlintConfig/read';
import { lintFile } from '../lint/engine';
import { buildModel, type WorkspaceModel } from '../model/workspace';
import { Configuration, type WorkspaceSettings } from './configuration';

/** A workspace file as the host has it: the editor's text when open, else the disk's. */
export interface SourceFile {
  uri: string;
  text: string;
  /** The editor's language id, when the file is open (a user's `files.associations` can make any file MM2). */
  languageId?: string;
}

/** What the core asks of its host: files that declarations refer to, and a log. */
export interface AnalysisHost {
  /** Reads a file a declaration refers to (a schema file); undefined when it cannot or may not. */
  readText(uri: string): ReadResult;
  log?(message: string): void;
}

export interface FileAnalysis {
  uri: string;
  file: FileFacts;
  findings: Finding[];
}

/** One analysis of the whole workspace: the model every view reads, and each file's findings. */
export interface WorkspaceAnalysis {
  model: WorkspaceModel;
  configuration: Configuration;
  /** The analysed files, in the host's order (files that are not MirrorLint's, or ignored, are absent). */
  files: Map<string, FileAnalysis>;
  sources: SourceFile[];
  settings: WorkspaceSettings;
}

interface CachedFacts {
  text: string;
  kind: FileKind | undefined;
  languageId?: string;
  facts?: FileFacts;
}

/**
 * Text → facts → model → lint, for a whole workspace. Facts are cached per file and text, so a
 * keystroke re-reads only the file it changed.
 */
export class Analyzer {
  private readonly cache = new Map<string, CachedFacts>();

  constructor(private readonly host: AnalysisHost) {}

  /** The facts of one file, from the cache when its text did not change; undefined when it is not MirrorLint's. */
  factsOf(source: SourceFile): FileFacts | undefined {
    const cached = this.cache.get(source.uri);
    if (cached && cached.text === source.text && cached.languageId === source.languageId) return cached.facts;
    const kind = classify(source.uri, source.text, source.languageId);
    const facts = kind ? readFile(source.uri, source.text, kind) : undefined;
    this.cache.set(source.uri, { text: source.text, kind, languageId: source.languageId, facts });
    return facts;
  }

  /** Drops cached facts of files that are gone. */
  forget(present: ReadonlySet<string>): void {
    for (const uri of this.cache.keys()) if (!present.has(uri)) this.cache.delete(uri);
  }

  analyze(sources: SourceFile[], settings: WorkspaceSettings): WorkspaceAnalysis {
    const read = sources.map((source) => this.factsOf(source)).filter((f): f is FileFacts => f !== undefined);
    // The `.mirrorlint.yaml` files first: they say which files to leave out.
    const configFiles = read.flatMap((f): WorkspaceConfig[] => (f.mirrorlintConfig ? [f.mirrorlintConfig] : []));
    const configuration = new Configuration(configFiles, settings);
    const kept = read.filter((f) => f.kind === 'mirrorlint-config' || !configuration.ignored(f.uri));
    const model = buildModel(kept, { configChain: (uri) => configuration.chain(uri), readText: (uri) => this.host.readText(uri), kafkaVersion: (uri) => configuration.kafkaVersion(uri) });
    const files = new Map<string, FileAnalysis>();
    for (const file of kept) {
      files.set(file.uri, { uri: file.uri, file, findings: lintFile(model, file.uri, { severities: configuration.severities(file.uri), log: this.host.log }) });
    }
    return { model, configuration, files, sources, settings };
  }
}
