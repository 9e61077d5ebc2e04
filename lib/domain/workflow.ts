import type { Action } from './permissions';
import type { ResultState } from './attainment';

/**
 * The yearly cycle of one ward's assessment, as a state machine. Each transition names the
 * policy action that may make it; lib/domain/permissions decides which roles hold that action.
 *
 *   DRAFT → SUBMITTED → (RETURNED → SUBMITTED)* → PROPOSED → INSPECTING → RECOGNISED | NOT_RECOGNISED
 *   PROPOSED/INSPECTING → RETURNED (the Ministry sends items back) → PROPOSED/INSPECTING again
 *     (the ward's fix goes straight back to the Ministry; the province is told: resolveStep)
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

/** What a step does besides moving the status, each applied by lib/data/assessments/workflow.ts. */
export type TransitionEffect =
  /** Stamps the submission date. */
  | 'stampSubmission'
  /** Closes the returned items and their return comments (the ward answered them). */
  | 'closeReturns'
  /** Reopens the chosen criteria with the reviewer's reasons. */
  | 'reopenItems'
  /** Records (or renews) the recognition decision. */
  | 'recordDecision'
  /** Marks the recognition decision withdrawn, with the reason. */
  | 'withdrawDecision';

/**
 * One step of the cycle, declared once: the workflow panel, the validation, the data layer's
 * side effects, re-registration and the dashboards' refresh all read this table.
 */
export interface Transition {
  name: TransitionName;
  from: readonly AssessmentStatus[];
  to: AssessmentStatus;
  permission: Action;
  /**
   * What the transition needs besides the state: criteria and reasons, a decision, a reason, or
   * a decision with its reason (a withdrawal is itself decided by a numbered, dated document).
   */
  needs?: 'returnItems' | 'decision' | 'reason' | 'decisionAndReason';
  /** The review stage whose reviewer takes this step (a return is recorded against it). */
  stage?: 'PROVINCE' | 'MINISTRY';
  effects: readonly TransitionEffect[];
  /** Whether the step changes what the dashboards count (registration, recognition). */
  changesProgress: boolean;
  /** Steps that cannot simply be taken back: the button asks for confirmation, in red if it ends something. */
  tone: 'primary' | 'danger';
  /** Who hears of the step in their inbox, and as what (lib/data/notifications/notifications.ts). */
  notify?: { kind: NotifiedKind; audience: Audience };
  /** Who is told as well, for information only (not asked to act). */
  inform?: { kind: NotifiedKind; audience: Audience };
}

/** What the inbox says happened. */
export type NotifiedKind =
  'RETURNED' | 'AWAITING_REVIEW' | 'RESUBMITTED' | 'RECOGNISED' | 'NOT_RECOGNISED' | 'WITHDRAWN';
/**
 * Who is told: the ward and its province's staff, the province's reviewers (the same staff: they
 * review what their wards submit), or the Ministry's inspectors.
 */
export type Audience = 'wardAndProvince' | 'province' | 'ministry';

export const transitions: readonly Transition[] = [
  {
    name: 'submit',
    from: ['DRAFT', 'RETURNED'],
    to: 'SUBMITTED',
    permission: 'assessment.submit',
    effects: ['stampSubmission', 'closeReturns'],
    changesProgress: false,
    tone: 'primary',
    notify: { kind: 'AWAITING_REVIEW', audience: 'province' },
  },
  {
    name: 'returnByProvince',
    from: ['SUBMITTED'],
    to: 'RETURNED',
    permission: 'assessment.review',
    needs: 'returnItems',
    stage: 'PROVINCE',
    effects: ['reopenItems'],
    changesProgress: false,
    tone: 'primary',
    notify: { kind: 'RETURNED', audience: 'wardAndProvince' },
  },
  {
    name: 'propose',
    from: ['SUBMITTED'],
    to: 'PROPOSED',
    permission: 'assessment.review',
    stage: 'PROVINCE',
    effects: [],
    changesProgress: false,
    tone: 'primary',
    notify: { kind: 'AWAITING_REVIEW', audience: 'ministry' },
  },
  {
    name: 'startInspection',
    from: ['PROPOSED'],
    to: 'INSPECTING',
    permission: 'assessment.inspect',
    stage: 'MINISTRY',
    effects: [],
    changesProgress: false,
    tone: 'primary',
  },
  {
    name: 'returnByMinistry',
    from: ['PROPOSED', 'INSPECTING'],
    to: 'RETURNED',
    permission: 'assessment.inspect',
    needs: 'returnItems',
    stage: 'MINISTRY',
    effects: ['reopenItems'],
    changesProgress: false,
    tone: 'primary',
    notify: { kind: 'RETURNED', audience: 'wardAndProvince' },
  },
  {
    name: 'recognise',
    from: ['INSPECTING'],
    to: 'RECOGNISED',
    permission: 'assessment.decide',
    needs: 'decision',
    stage: 'MINISTRY',
    effects: ['recordDecision'],
    changesProgress: true,
    tone: 'primary',
    notify: { kind: 'RECOGNISED', audience: 'wardAndProvince' },
  },
  {
    name: 'reject',
    from: ['INSPECTING'],
    to: 'NOT_RECOGNISED',
    permission: 'assessment.decide',
    needs: 'reason',
    stage: 'MINISTRY',
    effects: [],
    changesProgress: false,
    tone: 'danger',
    notify: { kind: 'NOT_RECOGNISED', audience: 'wardAndProvince' },
  },
  {
    name: 'withdrawRecognition',
    from: ['RECOGNISED'],
    to: 'WITHDRAWN',
    permission: 'assessment.decide',
    needs: 'decisionAndReason',
    stage: 'MINISTRY',
    effects: ['withdrawDecision'],
    changesProgress: true,
    tone: 'danger',
    notify: { kind: 'WITHDRAWN', audience: 'wardAndProvince' },
  },
  {
    name: 'cancelRegistration',
    from: ['DRAFT'],
    to: 'CANCELLED',
    permission: 'assessment.cancel',
    effects: [],
    changesProgress: true,
    tone: 'danger',
  },
  {
    name: 'register',
    from: ['CANCELLED'],
    to: 'DRAFT',
    permission: 'assessment.register',
    effects: [],
    changesProgress: true,
    tone: 'primary',
  },
];

/** Every permission some step asks for: who may call the workflow action at all. */
export const transitionPermissions: readonly Action[] = [
  ...new Set(transitions.map((t) => t.permission)),
];

export function findTransition(name: TransitionName): Transition {
  return transitions.find((t) => t.name === name)!;
}

/** Who returned a dossier, and from which status: recorded with the return. */
export interface ReturnOrigin {
  stage: 'PROVINCE' | 'MINISTRY';
  from: AssessmentStatus;
}

/**
 * The step as it is taken on this dossier. The table's row, except one rule: a dossier the
 * Ministry returned goes, when the ward sends its fix, straight back to the Ministry at the stage
 * it was returned from (proposed, or under inspection), and not through the province's review, a
 * new proposal and a new inspection. The Ministry's inspectors are asked to look again; the
 * province is told (its inbox), and the history keeps every step.
 */
export function resolveStep(t: Transition, returned: ReturnOrigin | null): Transition {
  if (t.name !== 'submit' || returned?.stage !== 'MINISTRY') return t;
  const to = returned.from === 'INSPECTING' ? 'INSPECTING' : 'PROPOSED';
  return {
    ...t,
    to,
    notify: { kind: 'AWAITING_REVIEW', audience: 'ministry' },
    inform: { kind: 'RESUBMITTED', audience: 'province' },
  };
}

/**
 * The steps a reviewer may take on several dossiers at once from the queue: those that need
 * nothing but the dossier (no items, decision or reason), each from one queue status.
 */
export const bulkSteps = ['propose', 'startInspection'] as const;
export type BulkStep = (typeof bulkSteps)[number];

/** The bulk step open from a queue status, if any. */
export function bulkStepFrom(status: AssessmentStatus): BulkStep | null {
  return bulkSteps.find((name) => findTransition(name).from.includes(status)) ?? null;
}

/** The transitions open from a status (before asking who may make them). */
export function transitionsFrom(status: AssessmentStatus): Transition[] {
  return transitions.filter((t) => t.from.includes(status));
}

export type TransitionCheck =
  | { ok: true; to: AssessmentStatus }
  | {
      ok: false;
      reason: 'not_allowed_from_status' | 'incomplete' | 'not_attained' | 'no_items' | 'unanswered';
    };

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
    /** Returned criteria not yet answered (lib/domain/returns.ts). */
    unansweredReturns?: number;
  },
): TransitionCheck {
  const t = findTransition(name);
  if (!t.from.includes(status)) return { ok: false, reason: 'not_allowed_from_status' };
  if (name === 'submit' && missingBeforeSubmission(context.results).length > 0)
    return { ok: false, reason: 'incomplete' };
  // A returned criterion goes back only once it was changed or answered in writing.
  if (name === 'submit' && (context.unansweredReturns ?? 0) > 0)
    return { ok: false, reason: 'unanswered' };
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

/** Statuses in which the ward counts as registered for the year. */
export function isRegistered(status: AssessmentStatus): boolean {
  return status !== 'CANCELLED';
}
