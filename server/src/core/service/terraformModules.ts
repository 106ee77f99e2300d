import type { FileFacts } from '../formats';
import type { ModuleFile } from '../formats/terraform/module';
import { declaresAivenResources, moduleFolderOf, parseTerraformFile, readTerraformModule, type HclParser } from '../formats/terraform/read';
/** A file as the analyzer gets it (SourceFile's shape; not imported, to keep analysis.ts the only importer). */
interface SourceFile {
  uri: string;
  text: string;
}

const isTerraform = (source: SourceFile): boolean => /\.tf$/i.test(source.uri);

/**
 * The `.tf` files of a workspace, read a folder (a Terraform module) at a time: a reference in one
 * file may name a variable or resource of another, so a module's facts are read again when any of
 * its files changes, and kept while none does. Each file is parsed once per text.
 */
export class TerraformModules {
  private readonly parsed = new Map<string, ModuleFile & { parser: HclParser | undefined }>();
  private modules = new Map<string, { files: ModuleFile[]; facts: Map<string, FileFacts> }>();

  constructor(private readonly parser: () => HclParser | undefined) {}

  /** The facts of every `.tf` source MirrorLint reads, by uri; other `.tf` sources map to undefined. */
  read(sources: SourceFile[]): Map<string, FileFacts | undefined> {
    const byFolder = new Map<string, SourceFile[]>();
    for (const source of sources) {
      if (!isTerraform(source)) continue;
      const folder = moduleFolderOf(source.uri);
      const files = byFolder.get(folder) ?? [];
      files.push(source);
      byFolder.set(folder, files);
    }
    const result = new Map<string, FileFacts | undefined>();
    const modules = new Map<string, { files: ModuleFile[]; facts: Map<string, FileFacts> }>();
    for (const [folder, sourcesOfFolder] of byFolder) {
      // A module without any Aiven resource is not parsed at all.
      if (!sourcesOfFolder.some((source) => declaresAivenResources(source.text))) {
        for (const source of sourcesOfFolder) result.set(source.uri, undefined);
        continue;
      }
      const files = sourcesOfFolder.map((source) => this.parse(source));
      const previous = this.modules.get(folder);
      const same = previous && previous.files.length === files.length && previous.files.every((file, i) => file === files[i]);
      const module = same ? previous : { files, facts: new Map(readTerraformModule(files, (file) => declaresAivenResources(file.text)).map((facts) => [facts.uri, facts])) };
      modules.set(folder, module);
      for (const file of files) result.set(file.uri, module.facts.get(file.uri));
    }
    this.modules = modules;
    for (const uri of this.parsed.keys()) if (!modules.has(moduleFolderOf(uri)) || !result.has(uri)) this.parsed.delete(uri);
    return result;
  }

  private parse(source: SourceFile): ModuleFile {
    const cached = this.parsed.get(source.uri);
    const parser = this.parser();
    // Parsed before the host had loaded its parser: parsed again once it has.
    if (cached && cached.text === source.text && cached.parser === parser) return cached;
    const file = { uri: source.uri, text: source.text, hcl: parseTerraformFile(source.text, parser), parser };
    this.parsed.set(source.uri, file);
    return file;
  }
}
