import type { ResultState } from './attainment';
import type { Comparator, MeasureKind } from './measures';
import type { Role } from './permissions';

/** The ward sheet's items as its components show them (built by lib/domain/sheet-view.ts). */

export type Stage = 'PROVINCE' | 'MINISTRY';

/** A result as saved, and whether the signed-in user may change it. */
export interface ResultFields {
  state: ResultState;
  value: number | null;
  baseline: number | null;
  note: string;
  version: number;
  editable: boolean;
  isReopened: boolean;
}

/** One criterion's row: its measure, its result as saved, and what the signed-in user may do. */
export interface CriterionRowData extends ResultFields {
  resultId: number;
  number: number;
  title: string;
  description: string;
  guidance: string;
  /** Evidence items on the result now, and whether the criteria set requires one. */
  evidenceCount: number;
  evidenceRequired: boolean;
  measureKind: MeasureKind;
  comparator: Comparator | null;
  threshold: number | null;
  ratingScale: string[];
  /** When `updatedBy` last saved it (a return does not move it). */
  savedAt: string | null;
  updatedBy: string | null;
  /** Whose unsaved draft this browser tab may keep (the signed-in user's id). */
  draftOwner: number;
  /** The same criterion the year before ("Đạt · 97,5"), when the ward was registered then. */
  lastYear: { year: number; text: string; value: number | null; evidence: number } | null;
}

export interface EvidenceItem {
  id: number;
  kind: 'FILE' | 'LINK' | 'NOTE';
  title: string;
  periodFrom: string | null;
  periodTo: string | null;
  url: string | null;
  note: string;
  fileName: string | null;
  size: number | null;
  /** Shown in the viewer (a PDF or an image), else only downloaded. */
  viewable: 'pdf' | 'image' | null;
  periodReason: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface CommentItem {
  id: number;
  stage: Stage;
  isReturn: boolean;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  answeredAt: string | null;
  response: string;
  author: string | null;
  /** The author's role, named beside a comment ("Công an tỉnh"). */
  authorRole: Role | null;
  /** What changed since the return, each line ready to show ("Kết quả: Chưa đạt → Đạt"). */
  changes: string[];
  /** Evidence items added since the return. */
  evidenceAdded: number;
}

/** A return at the top of the sheet: the criterion, who returned it and why, what changed. */
export interface ReturnSummaryItem {
  commentId: number;
  number: number;
  title: string;
  stage: Stage;
  author: string | null;
  createdAt: Date;
  reason: string;
  answered: boolean;
  changes: string[];
  evidenceAdded: number;
  response: string;
}

export interface ReturnableItem {
  resultId: number;
  number: number;
  title: string;
  /** The result as it stands, so the reviewer returns what they see ("Đạt · 97,5"). */
  current: string;
}

/** How sending the dossier stands: after its date (`due` formatted), and where it goes. */
export interface SubmitContext {
  late: { due: string; closed: boolean } | null;
  /** Returned by the Ministry: the fix goes straight back to it (the province is told). */
  toMinistry: boolean;
}

/** The dates a return may ask the fix by (YYYY-MM-DD): suggested, earliest, latest. */
export interface FixByRange {
  suggested: string;
  min: string;
  max: string;
}
