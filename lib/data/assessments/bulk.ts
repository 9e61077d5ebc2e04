import 'server-only';
import { db } from '@/lib/server/db';
import type { Scope } from '@/lib/domain/permissions';
import { wardName } from '@/lib/domain/units';
import type { TransitionInput } from '@/lib/validations/assessments';
import type { AuditActor } from '../audit';
import { ownedUnitWhere } from '../scope';
import { transitionAssessment, type TransitionOutcome } from './workflow';

/** A step taken on several dossiers at once, from the review queue. */

export interface BulkOutcome {
  done: number;
  /** The dossiers not moved, each with its ward and why (the single step's refusal). */
  refused: {
    assessmentId: number;
    ward: string;
    error: Extract<TransitionOutcome, { ok: false }>['error'];
    criteria?: number[];
  }[];
}

/**
 * One step on several dossiers chosen in the queue: each is checked and moved in its own
 * transaction, exactly as if taken on its sheet (scope, status, evidence, audit, inbox), so one
 * refusal leaves the others done and says which and why.
 */
export async function transitionMany(
  actor: AuditActor,
  scope: Scope,
  name: TransitionInput['name'],
  assessmentIds: number[],
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { done: 0, refused: [] };
  for (const assessmentId of assessmentIds) {
    const moved = await transitionAssessment(actor, scope, { assessmentId, name });
    if (moved.ok) outcome.done += 1;
    else
      outcome.refused.push({
        assessmentId,
        ward: '',
        error: moved.error,
        criteria: moved.criteria,
      });
  }
  if (outcome.refused.length) {
    // Named only when in scope: a dossier out of scope stays "not found", without its name.
    const names = await db().assessment.findMany({
      where: {
        id: { in: outcome.refused.map((r) => r.assessmentId) },
        unit: ownedUnitWhere(scope),
      },
      select: { id: true, unit: { select: { name: true } } },
    });
    const byId = new Map(names.map((n) => [n.id, wardName(n.unit.name)]));
    for (const r of outcome.refused) r.ward = byId.get(r.assessmentId) ?? `#${r.assessmentId}`;
  }
  return outcome;
}
