import type { Finding } from '../base/finding';
import type { ReadResult } from '../base/read';
import { classify, readFile, type FileFacts, type FileKind } from '../formats';
import type { WorkspaceConfig } from '../formats/mirrorlintConfig/read';
import { lintFile, type LintOptions } from '../lint/engine';
import { ModelMemo } from '../model/memo';
import { buildModel, type WorkspaceModel } from '../model/workspace';
import type { HclParser } from '../formats/terraform/read';
import { Configuration, type WorkspaceSettings } from './configuration';
import { TerraformModules } from './terraformModules';

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
  /** The HCL parser for Terraform files (web-tree-sitter, loaded by the host); without it `.tf` files say so. */
  hcl?: HclParser;
}

export interface FileAnalysis {
  uri: string;
  file: FileFacts;
  /**
   * The file's findings, linted when first read (a getter): a host shows the open files' findings
   * first and lints the others after; the model, which every file's findings read, is complete at once.
   */
  readonly findings: Finding[];
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

/** A file's findings, and everything they were computed from; `findings` is absent until asked for. */
interface CachedLint {
  key: string;
  /** The files the rules read through the host (schema files), with what they read. */
  reads: Map<string, string>;
  findings?: Finding[];
}

const readKey = (read: ReadResult): string => JSON.stringify(read ?? null);

/**
 * Text → facts → model → lint, for a whole workspace, doing again only what a change touches:
 * facts are cached per file text, deployments and the declarations' binding are reused while their
 * inputs are the same objects (ModelMemo), and a file's findings are reused while its facts, its
 * deployment, the binding, its severities, its Kafka version and the files its rules read are.
 */
export class Analyzer {
  private readonly cache = new Map<string, CachedFacts>();
  private readonly memo = new ModelMemo();
  private lints = new Map<string, CachedLint>();
  /** The reads of the lint under way, recorded for its cache entry. */
  private reads: Map<string, string> | undefined;
  private readonly readText = (uri: string): ReadResult => {
    const read = this.host.readText(uri);
    this.reads?.set(uri, readKey(read));
    return read;
  };

  private readonly terraform: TerraformModules;
  /** Counts the analyses that replaced the previous one (tentative ones do not). */
  private generation = 0;

  constructor(private readonly host: AnalysisHost) {
    this.terraform = new TerraformModules(() => host.hcl);
  }

  /**
   * The facts of one file, from the cache when its text did not change; undefined when it is not
   * MirrorLint's. With `takeOver`, the reader may take over (and move) unchanged parts of the file's
   * previous facts, which the caller promises are not used any more.
   */
  factsOf(source: SourceFile, takeOver = false): FileFacts | undefined {
    const cached = this.cache.get(source.uri);
    if (cached && cached.text === source.text && cached.languageId === source.languageId) return cached.facts;
    const kind = classify(source.uri, source.text, source.languageId);
    const previous = takeOver && cached && cached.kind === kind ? cached.facts : undefined;
    const facts = kind ? readFile(source.uri, source.text, kind, { previous }) : undefined;
    this.cache.set(source.uri, { text: source.text, kind, languageId: source.languageId, facts });
    return facts;
  }

  /** Drops cached facts of files that are gone. */
  forget(present: ReadonlySet<string>): void {
    for (const uri of this.cache.keys()) if (!present.has(uri)) this.cache.delete(uri);
  }

  /**
   * Analyses the workspace. An analysis replaces the previous one, whose facts it may take over
   * (an edit re-parses only the YAML documents it touched); a `tentative` one (fix-all trying its
   * fixes) leaves the current analysis intact.
   */
  analyze(sources: SourceFile[], settings: WorkspaceSettings, { tentative = false } = {}): WorkspaceAnalysis {
    if (!tentative) this.generation++;
    const generation = this.generation;
    const terraform = this.terraform.read(sources);
    const read = sources.map((source) => (terraform.has(source.uri) ? terraform.get(source.uri) : this.factsOf(source, !tentative))).filter((f): f is FileFacts => f !== undefined);
    // The `.mirrorlint.yaml` files first: they say which files to leave out.
    const configFiles = read.flatMap((f): WorkspaceConfig[] => (f.mirrorlintConfig ? [f.mirrorlintConfig] : []));
    const configuration = new Configuration(configFiles, settings);
    const kept = read.filter((f) => f.kind === 'mirrorlint-config' || !configuration.ignored(f.uri));
    this.memo.startBuild();
    const configurationKey = `${configFiles.map((config) => this.memo.id(config)).join(',')}|${JSON.stringify(settings)}`;
    const model = buildModel(kept, {
      configChain: (uri) => configuration.chain(uri),
      readText: this.readText,
      kafkaVersion: (uri) => configuration.kafkaVersion(uri),
      memo: this.memo,
      replacesPrevious: !tentative,
      configurationKey,
    });
    const files = new Map<string, FileAnalysis>();
    const lints = new Map<string, CachedLint>();
    for (const file of kept) {
      const severities = configuration.severities(file.uri);
      const deployment = model.deploymentOf(file.uri);
      const declaredHere = deployment && model.declaredFor(deployment);
      const key = [
        this.memo.id(file),
        deployment ? this.memo.id(deployment) : 0,
        declaredHere ? this.memo.id(declaredHere) : 0,
        model.declaredOf(file.uri).map((declared) => this.memo.id(declared)).join(','),
        model.unboundOf(file.uri).map((unbound) => `${this.memo.id(unbound.section)}:${unbound.reason}`).join(','),
        configuration.kafkaVersion(file.uri) ?? '',
        JSON.stringify(severities),
      ].join('|');
      const previous = this.lints.get(file.uri);
      const reusable = previous?.findings !== undefined && previous.key === key && [...previous.reads].every(([uri, read]) => readKey(this.host.readText(uri)) === read);
      const lint: CachedLint = reusable ? previous : { key, reads: new Map() };
      lints.set(file.uri, lint);
      const lintNow = (): Finding[] => {
        // A later analysis may have taken this one's facts over and moved them: its findings are the ones to read.
        if (lint.findings === undefined && generation !== this.generation) throw new Error(`MirrorLint: the findings of ${file.uri} were asked of an analysis that a later one replaced`);
        return (lint.findings ??= this.lint(model, file.uri, severities, lint.reads));
      };
      files.set(file.uri, {
        uri: file.uri,
        file,
        get findings() {
          return lintNow();
        },
      });
    }
    this.lints = lints;
    return { model, configuration, files, sources, settings };
  }

  private lint(model: WorkspaceModel, uri: string, severities: LintOptions['severities'], reads: Map<string, string>): Finding[] {
    this.reads = reads;
    try {
      return lintFile(model, uri, { severities, log: this.host.log });
    } finally {
      this.reads = undefined;
    }
  }
}
