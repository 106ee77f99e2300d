import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeDescription, Diagnostic, DiagnosticSeverity, DiagnosticTag, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { BoundedCache, RULES_BY_ID, plainText, splitMessage, type Finding, type OffsetRange, type Severity } from '../core';
import { ruleDocsFolder } from '../node/ruleDocs';
import { DIAGNOSTIC_SOURCE } from '../../../shared/src/constants';

export function toRange(document: TextDocument, range: OffsetRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

export function toOffsets(document: TextDocument, range: Range): OffsetRange {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const TAGS = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated } as const;

/** Where the rule's docs page lives: the `docs/rules` folder shipped next to the bundle. */
export function ruleDocsUri(ruleId: string): string {
  let uri = DOCS_URIS.get(ruleId);
  if (!uri) DOCS_URIS.set(ruleId, (uri = pathToFileURL(path.join(ruleDocsFolder(), `${ruleId}.md`)).toString()));
  return uri;
}

// Asked for every diagnostic (thousands in a large declaration file); the folder does not change while the server runs.
const DOCS_URIS = new Map<string, string>();

/** Resolves another workspace file, to place related locations and edits in it. */
export type DocumentResolver = (uri: string) => TextDocument | undefined;

// Every pass converts every finding of a file again (thousands in a large declaration file), most
// with the messages they had: those are split and made plain once.
const SHOWN = new BoundedCache<string, { summary: string; detail?: string }>(50_000);
const PLAIN = new BoundedCache<string, string>(50_000);

function shownMessage(message: string): { summary: string; detail?: string } {
  return SHOWN.get(message, () => {
    const { summary, detail } = splitMessage(message);
    return { summary: plainText(summary), detail: detail === undefined ? undefined : plainText(detail) };
  });
}

/**
 * The Problems panel shows the first sentence, what is wrong; the why and the fix follow as the first
 * related information, at the finding itself (VS Code lists it under the problem and in the hover).
 */
export function toDiagnostic(document: TextDocument, finding: Finding, resolve: DocumentResolver = () => undefined): Diagnostic {
  const codeDescription: CodeDescription = { href: ruleDocsUri(finding.ruleId) };
  const tags = RULES_BY_ID.get(finding.ruleId)?.meta.tags?.map((tag) => TAGS[tag]);
  const range = toRange(document, finding.range);
  const { summary, detail } = shownMessage(finding.message);
  const explanation = detail ? [{ location: { uri: document.uri, range }, message: detail }] : [];
  return {
    range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription,
    source: DIAGNOSTIC_SOURCE,
    message: summary,
    tags: tags?.length ? tags : undefined,
    relatedInformation: [
      ...explanation,
      ...finding.related.flatMap((related) => {
        const target = related.uri ? resolve(related.uri) : document;
        return target ? [{ location: { uri: target.uri, range: toRange(target, related.range) }, message: PLAIN.get(related.message, plainText) }] : [];
      }),
    ],
  };
}
