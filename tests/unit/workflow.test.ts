import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  findTransition,
  isResultEditable,
  missingBeforeSubmission,
  statuses,
  transitionNames,
  transitions,
  type AssessmentStatus,
  type TransitionName,
} from '@/lib/domain/workflow';
import type { ResultState } from '@/lib/domain/attainment';

/** One criterion's result, in the given state. */
const result = (state: ResultState) => ({ state });
const allMet = Array.from({ length: 22 }, () => result('MET'));
const ready = { results: allMet, isAttained: true, returnItems: 2 };

/** The allowed moves, written out by hand from the diagram. */
const allowed: Record<TransitionName, AssessmentStatus[]> = {
  submit: ['DRAFT', 'RETURNED'],
  returnByProvince: ['SUBMITTED'],
  propose: ['SUBMITTED'],
  startInspection: ['PROPOSED'],
  returnByMinistry: ['PROPOSED', 'INSPECTING'],
  recognise: ['INSPECTING'],
  reject: ['INSPECTING'],
  withdrawRecognition: ['RECOGNISED'],
  cancelRegistration: ['DRAFT'],
  register: ['CANCELLED'],
};
const target: Record<TransitionName, AssessmentStatus> = {
  submit: 'SUBMITTED',
  returnByProvince: 'RETURNED',
  propose: 'PROPOSED',
  startInspection: 'INSPECTING',
  returnByMinistry: 'RETURNED',
  recognise: 'RECOGNISED',
  reject: 'NOT_RECOGNISED',
  withdrawRecognition: 'WITHDRAWN',
  cancelRegistration: 'CANCELLED',
  register: 'DRAFT',
};

describe('workflow state machine: every transition from every status', () => {
  const cases = transitionNames.flatMap((name) =>
    statuses.map((status) => ({ name, status, ok: allowed[name].includes(status) })),
  );
  it.each(cases)('$name from $status → allowed: $ok', ({ name, status, ok }) => {
    const result = checkTransition(name, status, ready);
    expect(result).toEqual(
      ok ? { ok: true, to: target[name] } : { ok: false, reason: 'not_allowed_from_status' },
    );
  });
});

describe('workflow guards', () => {
  it('names who may make each move', () => {
    expect(findTransition('submit').permission).toBe('assessment.submit');
    expect(findTransition('propose').permission).toBe('assessment.review');
    expect(findTransition('returnByMinistry').permission).toBe('assessment.inspect');
    expect(findTransition('recognise').permission).toBe('assessment.decide');
    expect(transitions.every((t) => t.permission)).toBe(true);
  });

  it('refuses submission while a criterion is not assessed or in progress', () => {
    const results = [...allMet.slice(2), result('NOT_ASSESSED'), result('IN_PROGRESS')];
    expect(checkTransition('submit', 'DRAFT', { results, isAttained: false })).toEqual({
      ok: false,
      reason: 'incomplete',
    });
    expect(missingBeforeSubmission(results)).toHaveLength(2);
  });

  it('allows submission with criteria not yet due or not met (the reviewers judge)', () => {
    const results = [
      ...allMet.slice(5),
      ...Array.from({ length: 4 }, () => result('NOT_DUE')),
      result('NOT_MET'),
    ];
    expect(checkTransition('submit', 'DRAFT', { results, isAttained: false })).toEqual({
      ok: true,
      to: 'SUBMITTED',
    });
  });

  it('recognises only a ward that meets every criterion', () => {
    expect(
      checkTransition('recognise', 'INSPECTING', { results: allMet, isAttained: false }),
    ).toEqual({ ok: false, reason: 'not_attained' });
  });

  it('a return must name at least one item', () => {
    expect(
      checkTransition('returnByProvince', 'SUBMITTED', {
        results: allMet,
        isAttained: true,
        returnItems: 0,
      }),
    ).toEqual({ ok: false, reason: 'no_items' });
  });
});

describe('what may be edited', () => {
  it('a draft is open; after submission only returned items; after a decision nothing', () => {
    expect(isResultEditable('DRAFT', false)).toBe(true);
    expect(isResultEditable('RETURNED', true)).toBe(true);
    expect(isResultEditable('RETURNED', false)).toBe(false);
    const closed = statuses.filter((s) => s !== 'DRAFT' && s !== 'RETURNED');
    expect(closed).toHaveLength(7);
    for (const s of closed) expect(isResultEditable(s, true)).toBe(false);
  });
});
