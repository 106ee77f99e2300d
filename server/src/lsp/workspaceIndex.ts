import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeWorkspace, isJsonSource, isYamlSource, type AnalyzeOptions, type ParsedFile, type PropertiesAnalysis, type SourceFile, type WorkspaceInputs } from '../core/lint/engine';
import { fixAll, type FixAllResult } from '../core/lint/fixAll';
import { settingsConfig } from '../core/formats/mirrorlintConfig/read';
import { discoverFiles, isMm2PropertiesFile } from '../workspace/discover';
import type { MirrorLintSettings } from './settings';

/** Files bigger than this are not read from disk (an open editor's text is always analysed). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Strimzi repositories hold one KafkaTopic per file: thousands of small files are normal. */
const MAX_FILES = 10_000;

/**
 * The MM2 files of the workspace — those on disk and those open in the editor (whose text wins) —
 * analysed together, so that loops and chains spanning several MM2 configs are found. Results are
 * cached until something changes; unchanged files are not parsed again.
 */
export class WorkspaceIndex {
  private readonly disk = new Map<string, string>();
  private readonly parsed = new Map<string, ParsedFile>();
  private generation = 0;
  private current: { generation: number; results: Map<string, PropertiesAnalysis> } | undefined;

  /** The workspace folders, whose settings become configs below their `.mirrorlint.yaml` files. */
  folders: string[] = [];

  constructor(
    private readonly openDocuments: () => TextDocument[],
    /** Every open document (not only MM2 ones): schema files open in the editor are read from there. */
    private readonly allDocuments: () => TextDocument[],
    private readonly settingsFor: (uri: string) => Promise<MirrorLintSettings>,
  ) {}

  invalidate(): void {
    this.generation++;
  }

  /** Finds the MM2 files below the workspace folders. Unreadable files are skipped. */
  /** Returns how many files were left out because the index is full. */
  scan(folderUris: string[]): number {
    let skipped = 0;
    for (const folderUri of folderUris) {
      let folder: string;
      try {
        folder = fileURLToPath(folderUri);
      } catch {
        continue;
      }
      const { files } = discoverFiles([folder], folder);
      const room = Math.max(0, MAX_FILES - this.disk.size);
      skipped += Math.max(0, files.length - room);
      for (const file of files.slice(0, room)) this.readFromDisk(pathToFileURL(file).href);
    }
    this.invalidate();
    return skipped;
  }

  /** A workspace folder was removed: its files leave the analysis. */
  forgetFolder(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    for (const uri of [...this.disk.keys()]) {
      if (!uri.startsWith(prefix)) continue;
      this.disk.delete(uri);
      this.parsed.delete(uri);
    }
    this.invalidate();
  }

  /** A watched file was created, changed or deleted. Returns whether it matters: an MM2 or declarations file, or a schema file declarations may refer to. */
  fileChanged(uri: string, deleted: boolean): boolean {
    const known = this.disk.has(uri);
    if (deleted) {
      this.disk.delete(uri);
      this.parsed.delete(uri);
    } else {
      this.readFromDisk(uri);
    }
    this.invalidate();
    return known || this.disk.has(uri) || /\.(avsc|proto|json)$/i.test(uri);
  }

  /** A file a declaration refers to (a schema file): the editor's text when open, else the disk's. */
  /** Off in restricted mode (an untrusted workspace): declarations may name any file on the machine. */
  readsReferencedFiles = true;

  private referencedText(uri: string): string | undefined {
    if (!this.readsReferencedFiles) return undefined;
    const inEditor = this.allDocuments().find((d) => d.uri === uri);
    if (inEditor) return inEditor.getText();
    try {
      const file = fileURLToPath(uri);
      return fs.statSync(file).size <= MAX_FILE_BYTES ? fs.readFileSync(file, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  }

  private readFromDisk(uri: string): void {
    try {
      const file = fileURLToPath(uri);
      if (!isMm2PropertiesFile(file) || fs.statSync(file).size > MAX_FILE_BYTES) {
        this.disk.delete(uri);
        return;
      }
      this.disk.set(uri, fs.readFileSync(file, 'utf8'));
    } catch {
      this.disk.delete(uri);
    }
  }

  /** The text of a workspace file: the editor's when open, else the disk's. */
  document(uri: string): TextDocument | undefined {
    const open = this.openDocuments().find((d) => d.uri === uri);
    if (open) return open;
    const text = this.disk.get(uri);
    const languageId = isJsonSource(uri) ? 'json' : isYamlSource(uri) ? 'yaml' : 'mm2-properties';
    return text === undefined ? undefined : TextDocument.create(uri, languageId, 0, text);
  }

  private pending: { generation: number; results: Promise<Map<string, PropertiesAnalysis>> } | undefined;

  /** The analyses of the current state; concurrent callers share one computation. */
  analyses(): Promise<Map<string, PropertiesAnalysis>> {
    if (this.current?.generation === this.generation) return Promise.resolve(this.current.results);
    if (this.pending?.generation !== this.generation) this.pending = { generation: this.generation, results: this.compute() };
    return this.pending.results;
  }

  /**
   * Fix-all for one file: its automatic fixes applied and re-checked against the rest of the
   * workspace until nothing changes. Other files are not edited.
   */
  async fixAll(uri: string): Promise<FixAllResult | undefined> {
    if (!this.document(uri)) return undefined;
    const { optionsFor, inputs } = await this.analysisSettings([uri]);
    // Read after the await, so the fix starts from the text as it is now.
    const document = this.document(uri);
    if (!document) return undefined;
    const others = this.files().filter((f) => f.uri !== uri);
    const analyse = (text: string) => analyzeWorkspace([...others, { uri, text }], optionsFor, this.parsed, inputs).get(uri)?.findings ?? [];
    const result = fixAll(document.getText(), analyse);
    this.invalidate(); // the parse cache now holds the fixed text: the next analysis re-reads the file
    return result;
  }

  /** The settings analyses need (per file and per workspace folder), fetched before texts are read. */
  private async analysisSettings(extraUris: string[] = []): Promise<{ optionsFor: (uri: string) => AnalyzeOptions; inputs: WorkspaceInputs }> {
    const uris = new Set([...this.disk.keys(), ...this.openDocuments().map((d) => d.uri), ...extraUris]);
    const [settings, settingsConfigs] = await Promise.all([
      Promise.all([...uris].map(async (u) => [u, await this.settingsFor(u)] as const)).then((entries) => new Map(entries)),
      Promise.all(this.folders.map(async (folder) => settingsConfig(folder, await this.settingsFor(folder)))),
    ]);
    return {
      optionsFor: (u) => ({ severities: settings.get(u)?.rules }),
      inputs: { readText: (u) => this.referencedText(u), settingsConfigs },
    };
  }

  /** The texts of every workspace file: the editor's when open, else the disk's. */
  private files(): SourceFile[] {
    const open = new Map(this.openDocuments().map((d) => [d.uri, d.getText()]));
    const files = [...open].map(([uri, text]) => ({ uri, text }));
    for (const [uri, text] of this.disk) if (!open.has(uri)) files.push({ uri, text });
    return files;
  }

  private async compute(): Promise<Map<string, PropertiesAnalysis>> {
    const { optionsFor, inputs } = await this.analysisSettings();
    // Texts are read after the await, so the results match the documents as they are now.
    const generation = this.generation;
    const files = this.files();
    const present = new Set(files.map((f) => f.uri));
    for (const uri of this.parsed.keys()) if (!present.has(uri)) this.parsed.delete(uri);
    const results = analyzeWorkspace(files, optionsFor, this.parsed, inputs);
    this.current = { generation, results };
    return results;
  }
}
