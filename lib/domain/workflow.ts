import type { Action } from '@/lib/permissions';
import type { ResultState } from './attainment';

/**
 * The yearly cycle of one ward's assessment, as a state machine. Each transition names the
 * policy action that may make it; lib/permissions decides which roles hold that action.
 *
 *   DRAFT → SUBMITTED → (RETURNED → SUBMITTED)* → PROPOSED → INSPECTING → RECOGNISED | NOT_RECOGNISED
 *   PROPOSED/INSPECTING → RETURNED (the Ministry sends items back)
 *   RECOGNISED → WITHDRAWN (with a reason)
 *   DRAFT → CANCELLED (registration withdrawn before submission) → DRAFT (registered again)
 */

export const statuses = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'PROPOSED',
  'INSPECTING',
  'RECOGNISED',
  'NOT_RECOGNISED',
  'WITHDRAWN',
  'CANCELLED',
] as const;
export type AssessmentStatus = (typeof statuses)[number];

export const transitionNames = [
  'submit',
  'returnByProvince',
  'propose',
  'startInspection',
  'returnByMinistry',
  'recognise',
  'reject',
  'withdrawRecognition',
  'cancelRegistration',
  'register',
] as const;
export type TransitionName = (typeof transitionNames)[number];

export interface Transition {
  name: TransitionName;
  from: readonly AssessmentStatus[];
  to: AssessmentStatus;
  permission: Action;
  /** What the transition needs besides the state: criteria and reasons, a decision, a reason. */
  needs?: 'returnItems' | 'decision' | 'reason';
}

export const transitions: readonly Transition[] = [
  { name: 'submit', from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', permission: 'assessment.submit' },
  {
    name: 'returnByProvince',
    from: ['SUBMITTED'],
    to: 'RETURNED',
    permission: 'assessment.review',
    needs: 'returnItems',
  },
  { name: 'propose', from: ['SUBMITTED'], to: 'PROPOSED', permission: 'assessment.review' },
  {
    name: 'startInspection',
    from: ['PROPOSED'],
    to: 'INSPECTING',
    permission: 'assessment.inspect',
  },
  {
    name: 'returnByMinistry',
    from: ['PROPOSED', 'INSPECTING'],
    to: 'RETURNED',
    permission: 'assessment.inspect',
    needs: 'returnItems',
  },
  {
    name: 'recognise',
    from: ['INSPECTING'],
    to: 'RECOGNISED',
    permission: 'assessment.decide',
    needs: 'decision',
  },
  {
    name: 'reject',
    from: ['INSPECTING'],
    to: 'NOT_RECOGNISED',
    permission: 'assessment.decide',
    needs: 'reason',
  },
  {
    name: 'withdrawRecognition',
    from: ['RECOGNISED'],
    to: 'WITHDRAWN',
    permission: 'assessment.decide',
    needs: 'reason',
  },
  { name: 'cancelRegistration', from: ['DRAFT'], to: 'CANCELLED', permission: 'assessment.cancel' },
  { name: 'register', from: ['CANCELLED'], to: 'DRAFT', permission: 'assessment.register' },
];

export function findTransition(name: TransitionName): Transition {
  return transitions.find((t) => t.name === name)!;
}

/** The transitions open from a status (before asking who may make them). */
export function transitionsFrom(status: AssessmentStatus): Transition[] {
  return transitions.filter((t) => t.from.includes(status));
}

export type TransitionCheck =
  | { ok: true; to: AssessmentStatus }
  | { ok: false; reason: 'not_allowed_from_status' | 'incomplete' | 'not_attained' | 'no_items' };

/** Results that are not yet decided: submission needs every criterion met, not met, or not yet due. */
export function missingBeforeSubmission<T extends { state: ResultState }>(
  results: readonly T[],
): T[] {
  return results.filter((r) => r.state === 'NOT_ASSESSED' || r.state === 'IN_PROGRESS');
}

export function checkTransition(
  name: TransitionName,
  status: AssessmentStatus,
  context: {
    results: readonly { state: ResultState }[];
    isAttained: boolean;
    returnItems?: number;
  },
): TransitionCheck {
  const t = findTransition(name);
  if (!t.from.includes(status)) return { ok: false, reason: 'not_allowed_from_status' };
  if (name === 'submit' && missingBeforeSubmission(context.results).length > 0)
    return { ok: false, reason: 'incomplete' };
  // The Minister recognises a ward that meets every criterion, and nothing less.
  if (name === 'recognise' && !context.isAttained) return { ok: false, reason: 'not_attained' };
  if (t.needs === 'returnItems' && (context.returnItems ?? 0) === 0)
    return { ok: false, reason: 'no_items' };
  return { ok: true, to: t.to };
}

/**
 * Who may type into a result. A draft is open; after submission only the items a reviewer
 * returned are open again; everything else (under review, decided) is read-only.
 */
export function isResultEditable(status: AssessmentStatus, isReopened: boolean): boolean {
  if (status === 'DRAFT') return true;
  if (status === 'RETURNED') return isReopened;
  return false;
}

/** Evidence follows the result it supports. */
export const isEvidenceEditable = isResultEditable;

/** Statuses in which the ward counts as registered for the year. */
export function isRegistered(status: AssessmentStatus): boolean {
  return status !== 'CANCELLED';
}
