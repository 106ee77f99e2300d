/**
 * MirrorLint's core as a library: text in, facts, model and findings out. No editor, no LSP, no
 * Node I/O (the host passes file texts, and reads referenced files for it).
 */
import type { HclParser } from './formats/terraform/read';
import type { SeveritySetting } from './base/finding';
import type { ReadResult } from './base/read';
import { Analyzer, type FileAnalysis, type SourceFile } from './service/analysis';
import type { WorkspaceSettings } from './service/configuration';
import { LanguageService, type WorkspaceSnapshot } from './service/languageService';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';

export type { CompletionCandidate } from './base/editor';
export { LineIndex } from './base/lineIndex';
export { classify, mayBeOurs } from './formats';
export type { Finding, Fix, RelatedLocation, Severity, SeveritySetting, TextEdit } from './base/finding';
export type { OffsetRange } from './base/range';
export type { ReadResult, Unreadable } from './base/read';
export { SEVERITY_SETTINGS, applyEdits, plainText, splitMessage } from './base/finding';
export { BoundedCache } from './base/cache';
export type { RuleMeta } from './base/rule';
export type { FileFacts, Mm2Facts } from './formats/facts';
export type { HclParser } from './formats/terraform/read';
export type { AnalysisHost, FileAnalysis, SourceFile } from './service/analysis';
export type { WorkspaceSettings } from './service/configuration';
export type { OffsetLocation } from './service/overview';
export type { SymbolData } from './service/symbols';
export { readSettings } from './service/settings';
export { snapshotTopology, type ObservedCluster, type ObservedHeartbeats, type ObservedTopic } from './service/liveSnapshot';
export type { LiveConnection, WorkspaceConfig } from './formats/mirrorlintConfig/types';
export { parseWorkspaceConfig } from './formats/mirrorlintConfig/read';
export { kafkaSemantics, parseKafkaVersion, NEWEST_KAFKA, type KafkaSemantics } from './mm2/versions';
export { ALL_RULES, RULES_BY_ID } from './lint/rules';
export { INTERNAL_ERROR } from './lint/rules/syntax/internal-error';
export { LanguageService, type WorkspaceSnapshot };

export interface AnalyzeOptions {
  /** Severity overrides for every file (the editor's settings). A `.mirrorlint.yaml` above a file wins over them. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Overrides that win over `.mirrorlint.yaml` too (the CLI's `--rule`, as ESLint's does). */
  forcedSeverities?: Readonly<Record<string, SeveritySetting>>;
  /** Reads files the declarations refer to (schema files). */
  readText?: (uri: string) => ReadResult;
  log?: (message: string) => void;
  /** The Kafka version MM2 runs; it wins over `.mirrorlint.yaml` (the CLI's `--kafka-version`). */
  kafkaVersion?: string;
  /** Parses Terraform files (the host loads it: `loadHclParser` in server/src/node/hcl.ts). */
  hcl?: HclParser;
}

function settingsOf(options: AnalyzeOptions): WorkspaceSettings {
  return {
    folders: [{ uri: '', settings: { ...DEFAULT_SETTINGS, rules: { ...options.severities } } }],
    forcedSeverities: options.forcedSeverities,
    forcedKafkaVersion: options.kafkaVersion,
  };
}

/** Analyses files together, as one workspace; the result has the files MirrorLint reads, in the given order. */
export function analyzeWorkspace(files: SourceFile[], options: AnalyzeOptions = {}): Map<string, FileAnalysis> {
  const analyzer = new Analyzer({ readText: options.readText ?? (() => undefined), log: options.log, hcl: options.hcl });
  return analyzer.analyze(files, settingsOf(options)).files;
}

/** Analyses one dedicated-mode MM2 properties file on its own. Never throws on any input text. */
export function analyzeProperties(text: string, options: AnalyzeOptions = {}): FileAnalysis {
  return analyzeWorkspace([{ uri: 'mm2.properties', text }], options).get('mm2.properties')!;
}

/** A language service over the given files, for tests and tools that want its features without an editor. */
export function snapshotOf(files: SourceFile[], options: AnalyzeOptions = {}): WorkspaceSnapshot {
  const service = new LanguageService({ readText: options.readText ?? (() => undefined), log: options.log, hcl: options.hcl });
  return service.analyze(files, settingsOf(options));
}
