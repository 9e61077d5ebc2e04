import type { ResultState } from './attainment';
import type { TransitionName } from './workflow';

/**
 * Expected evidence ("Minh chứng cần có"), checked. A criterion that is due (anything but "chưa
 * đến thời gian đánh giá") is expected to carry evidence; one without is "bare". The steps that
 * send a dossier on (the ward's submission, the province's proposal, the Ministry's recognition)
 * warn with the bare criteria's numbers, and are refused while a criterion the criteria set
 * marks as requiring evidence is bare.
 */

export interface EvidenceCheckRow {
  number: number;
  state: ResultState;
  evidenceCount: number;
  evidenceRequired: boolean;
}

export const isBare = (r: Pick<EvidenceCheckRow, 'state' | 'evidenceCount'>): boolean =>
  r.state !== 'NOT_DUE' && r.evidenceCount === 0;

export interface EvidenceCheck {
  /** Due criteria without evidence, by number. */
  bare: number[];
  /** Of those, the ones the criteria set requires evidence for: they hold the dossier. */
  required: number[];
}

export function checkEvidence(rows: readonly EvidenceCheckRow[]): EvidenceCheck {
  const bare = rows
    .filter(isBare)
    .map((r) => r.number)
    .sort((a, b) => a - b);
  const required = rows
    .filter((r) => r.evidenceRequired && isBare(r))
    .map((r) => r.number)
    .sort((a, b) => a - b);
  return { bare, required };
}

/** The steps that check evidence: each sends the dossier on to the next reviewer or decision. */
export const EVIDENCE_CHECKED_STEPS: ReadonlySet<TransitionName> = new Set([
  'submit',
  'propose',
  'recognise',
]);
