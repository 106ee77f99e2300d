import { parseAllDocuments, type Document } from 'yaml';

/** The YAML documents of a text, read once and shared by the Strimzi and declarations readers. */
export function parseYamlDocuments(text: string): { documents: Document.Parsed[]; problem?: string } {
  try {
    return { documents: parseAllDocuments(text, { uniqueKeys: false, logLevel: 'error' }) as Document.Parsed[] };
  } catch (error) {
    return { documents: [], problem: `Cannot read this YAML: ${(error as Error).message}` };
  }
}
