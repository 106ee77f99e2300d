import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService, type HclParser, type ReadResult, type SourceFile, type WorkspaceSettings, type WorkspaceSnapshot } from '../core';
import { discoverFiles, isMirrorLintFile } from '../node/discover';
import { readConfined } from '../node/readConfined';
import type { MirrorLintSettings } from '../../../shared/src/settings';

/** Files bigger than this are not read from disk (an open editor's text is always analysed). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Strimzi repositories hold one KafkaTopic per file: thousands of small files are normal. */
const MAX_FILES = 10_000;

export interface IndexHost {
  /** The documents open in the editor (their text wins over the disk's). */
  openDocuments(): TextDocument[];
  /** The editor's settings of a workspace folder (`''`: files outside every folder). */
  settingsOf(folderUri: string): Promise<{ settings: MirrorLintSettings; problems: string[] }>;
  log(message: string): void;
}

/**
 * The workspace as the server knows it — files on disk and files open in the editor (whose text
 * wins) — and the language service's snapshot of it, recomputed only after something changed.
 * Settings are fetched once per workspace folder and kept until the configuration changes.
 */
export class WorkspaceIndex {
  private readonly disk = new Map<string, string>();
  private readonly settingsCache = new Map<string, Promise<{ settings: MirrorLintSettings; problems: string[] }>>();
  private readonly service: LanguageService;
  private generation = 0;
  private current: { generation: number; snapshot: WorkspaceSnapshot } | undefined;
  private pending: { generation: number; snapshot: Promise<WorkspaceSnapshot> } | undefined;

  /** The workspace folders, whose settings apply to the files below them. */
  folders: string[] = [];
  /** The Terraform parser, once loaded (WebAssembly, asynchronously after start). */
  hcl: HclParser | undefined;
  /** Off in restricted mode (an untrusted workspace): declarations may name any file on the machine. */
  readsReferencedFiles = true;

  constructor(private readonly host: IndexHost) {
    const index = this;
    this.service = new LanguageService({
      readText: (uri) => this.referencedText(uri),
      log: (message) => host.log(message),
      get hcl() {
        return index.hcl;
      },
    });
  }

  invalidate(): void {
    this.generation++;
  }

  /** Settings changed: fetch them again, once per folder. */
  settingsChanged(): void {
    this.settingsCache.clear();
    this.invalidate();
  }

  /** Finds the MirrorLint files below the workspace folders. Returns how many were left out because the index is full. */
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
      for (const file of files.slice(0, room)) this.readFromDisk(pathToFileURL(file).href, true);
    }
    this.invalidate();
    return skipped;
  }

  /** How many files the index holds from disk. */
  /** Whether any Terraform file is indexed or open (they wait for the HCL parser). */
  get hasTerraform(): boolean {
    return this.sources().some((source) => /\.tf$/i.test(source.uri));
  }

  get size(): number {
    return this.disk.size;
  }

  /** A workspace folder was removed: its files leave the analysis. */
  forgetFolder(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    for (const uri of [...this.disk.keys()]) if (uri.startsWith(prefix)) this.disk.delete(uri);
    for (const uri of [...this.closedDocuments.keys()]) if (uri.startsWith(prefix)) this.closedDocuments.delete(uri);
    this.settingsCache.delete(folderUri);
    this.invalidate();
  }

  /** A watched file was created, changed or deleted. Returns whether it matters: a MirrorLint file, or a schema file declarations may refer to. */
  fileChanged(uri: string, deleted: boolean): boolean {
    const known = this.disk.has(uri);
    this.closedDocuments.delete(uri);
    if (deleted) this.disk.delete(uri);
    else this.readFromDisk(uri);
    this.invalidate();
    return known || this.disk.has(uri) || /\.(avsc|proto|json)$/i.test(uri);
  }

  /** A file a declaration refers to (a schema file): the editor's text when open, else the disk's, inside the workspace only. */
  private referencedText(uri: string): ReadResult {
    if (!this.readsReferencedFiles) return { unreadable: 'the workspace is not trusted' };
    const inEditor = this.host.openDocuments().find((d) => d.uri === uri);
    if (inEditor) return inEditor.getText();
    try {
      const read = readConfined(fileURLToPath(uri), this.folders.map((f) => fileURLToPath(f)));
      return read.text ?? { unreadable: read.reason };
    } catch (error) {
      return { unreadable: `it cannot be read (${(error as Error).message})` };
    }
  }

  /** `recognised`: the walk that found the file has just read its start and found it MirrorLint's. */
  private readFromDisk(uri: string, recognised = false): void {
    try {
      const file = fileURLToPath(uri);
      if (!(recognised || isMirrorLintFile(file)) || fs.statSync(file).size > MAX_FILE_BYTES) {
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
    const open = this.host.openDocuments().find((d) => d.uri === uri);
    if (open) return open;
    const text = this.disk.get(uri) ?? this.virtual.get(uri);
    if (text === undefined) return undefined;
    // Kept while the text is the same: a document's line table is built on its first position, and
    // every related location in a closed file asks for one.
    const kept = this.closedDocuments.get(uri);
    if (kept?.getText() === text) return kept;
    const document = TextDocument.create(uri, 'plaintext', 0, text);
    this.closedDocuments.set(uri, document);
    return document;
  }

  private readonly closedDocuments = new Map<string, TextDocument>();

  /** The snapshot of the current state; concurrent callers share one computation. */
  snapshot(): Promise<WorkspaceSnapshot> {
    if (this.current?.generation === this.generation) return Promise.resolve(this.current.snapshot);
    if (this.pending?.generation !== this.generation) this.pending = { generation: this.generation, snapshot: this.compute() };
    return this.pending.snapshot;
  }

  /**
   * `read` on the newest analysis. A snapshot a caller awaited may have been replaced by a later
   * analysis before the caller runs again (two computations overlap while they wait for settings),
   * and a replaced analysis cannot lint a file it has not linted yet (its facts may have moved): the
   * check and the synchronous read happen together, and a replaced snapshot is exchanged for the
   * newer one.
   */
  async latest<T>(read: (snapshot: WorkspaceSnapshot) => T): Promise<T> {
    for (;;) {
      const snapshot = await this.snapshot();
      if (this.current?.snapshot === snapshot) return read(snapshot);
    }
  }

  /** Whether `snapshot` is the analysis of the current state (nothing changed or was analysed since). */
  isCurrent(snapshot: WorkspaceSnapshot): boolean {
    return this.current?.snapshot === snapshot && this.current.generation === this.generation;
  }

  /** Problems with the editor settings (misspelt rule ids …), folder by folder. */
  async settingsProblems(): Promise<string[]> {
    const all = await Promise.all(this.settingsFolders().map((folder) => this.folderSettings(folder)));
    return [...new Set(all.flatMap((s) => s.problems))];
  }

  private settingsFolders(): string[] {
    return [...this.folders, ''];
  }

  private folderSettings(folder: string): Promise<{ settings: MirrorLintSettings; problems: string[] }> {
    let cached = this.settingsCache.get(folder);
    if (!cached) {
      cached = this.host.settingsOf(folder);
      this.settingsCache.set(folder, cached);
    }
    return cached;
  }

  private async workspaceSettings(): Promise<WorkspaceSettings> {
    const folders = await Promise.all(this.settingsFolders().map(async (uri) => ({ uri, settings: (await this.folderSettings(uri)).settings })));
    return { folders };
  }

  /** Files that exist only in the server: what live mode observed, as a declaration file. */
  private readonly virtual = new Map<string, string>();

  /** Adds (or replaces) a file only the server has; it is analysed with the workspace. */
  setVirtual(uri: string, text: string): void {
    this.virtual.set(uri, text);
    this.invalidate();
  }

  /** The `.mirrorlint.yaml` files of the workspace, with their texts. */
  workspaceConfigs(): { uri: string; text: string }[] {
    return this.sources().filter((s) => /(^|\/)\.mirrorlint\.ya?ml$/.test(s.uri));
  }

  /** The texts of every workspace file: the editor's when open, else the disk's. */
  private sources(): SourceFile[] {
    const open = this.host.openDocuments();
    const openUris = new Set(open.map((d) => d.uri));
    const sources: SourceFile[] = open.map((d) => ({ uri: d.uri, text: d.getText(), languageId: d.languageId }));
    for (const [uri, text] of this.disk) if (!openUris.has(uri)) sources.push({ uri, text });
    for (const [uri, text] of this.virtual) if (!openUris.has(uri)) sources.push({ uri, text });
    return sources;
  }

  private async compute(): Promise<WorkspaceSnapshot> {
    const settings = await this.workspaceSettings();
    // Texts are read after the await, so the results match the documents as they are now.
    const generation = this.generation;
    const started = Date.now();
    const snapshot = this.service.analyze(this.sources(), settings);
    this.host.log(`analysed ${snapshot.files.length} files in ${Date.now() - started} ms`);
    this.current = { generation, snapshot };
    return snapshot;
  }
}
