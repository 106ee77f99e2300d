import type { OffsetRange } from './range';

/** A completion an editor may offer, editor-neutral (offsets, plain and markdown text). */
export interface CompletionCandidate {
  label: string;
  kind: 'property' | 'cluster' | 'flow' | 'value' | 'class' | 'prefix';
  detail?: string;
  documentation?: string;
  newText: string;
  range: OffsetRange;
  filterText?: string;
  sortText?: string;
}
