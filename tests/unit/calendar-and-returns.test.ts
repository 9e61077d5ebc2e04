import { describe, expect, it } from 'vitest';
import {
  assessmentDeadline,
  calendarOrderProblem,
  dayOf,
  deadlineFor,
  deadlineState,
  latenessOf,
} from '@/lib/domain/calendar';
import { periodOutsideYear } from '@/lib/domain/evidence-period';
import { changedFields, readSnapshot, unansweredReturns } from '@/lib/domain/returns';
import { targetInForce } from '@/lib/domain/targets';
import { checkTransition, findTransition, resolveStep } from '@/lib/domain/workflow';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('programme calendar', () => {
  it('a date is on time through its own day, overdue the day after, due soon within a week', () => {
    expect(deadlineState('2026-09-15', '2026-09-15')).toBe('dueSoon');
    expect(deadlineState('2026-09-15', '2026-09-16')).toBe('overdue');
    expect(deadlineState('2026-09-15', '2026-09-08')).toBe('dueSoon');
    expect(deadlineState('2026-09-15', '2026-09-07')).toBe('open');
  });

  it("counts days in Vietnam's time zone: 20:00 UTC is already the next day in Hà Nội", () => {
    expect(dayOf(new Date('2026-09-15T16:59:00Z'))).toBe('2026-09-15');
    expect(dayOf(new Date('2026-09-15T17:00:00Z'))).toBe('2026-09-16');
  });

  it('each status waits on its own date; decided dossiers wait on none', () => {
    expect(deadlineFor('DRAFT')).toBe('SUBMISSION');
    // A returned dossier waits on its return's own date, not the passed submission date.
    expect(deadlineFor('RETURNED')).toBeNull();
    expect(deadlineFor('SUBMITTED')).toBe('PROVINCIAL_REVIEW');
    expect(deadlineFor('INSPECTING')).toBe('INSPECTION');
    expect(deadlineFor('RECOGNISED')).toBeNull();
    expect(assessmentDeadline('SUBMITTED', { INSPECTION: '2026-01-01' }, '2026-06-01')).toBeNull();
    expect(assessmentDeadline('PROPOSED', { INSPECTION: '2026-05-31' }, '2026-06-01')).toEqual({
      kind: 'INSPECTION',
      due: '2026-05-31',
      state: 'overdue',
    });
  });

  it("a returned dossier shows its return's date, and nothing when the return set none", () => {
    const dates = { SUBMISSION: '2026-09-30' };
    expect(assessmentDeadline('RETURNED', dates, '2026-12-04', '2026-12-10')).toEqual({
      kind: 'RETURN_FIX',
      due: '2026-12-10',
      state: 'dueSoon',
    });
    expect(assessmentDeadline('RETURNED', dates, '2026-12-11', '2026-12-10')?.state).toBe(
      'overdue',
    );
    expect(assessmentDeadline('RETURNED', dates, '2026-12-04', null)).toBeNull();
    expect(assessmentDeadline('DRAFT', dates, '2026-12-04', '2026-12-10')?.kind).toBe('SUBMISSION');
  });

  it('a step after its date asks a reason, is refused once closed; a resubmission follows its return', () => {
    const calendar = {
      dates: { REGISTRATION: '2026-03-31', SUBMISSION: '2026-09-30' },
      closed: ['SUBMISSION'] as const,
    };
    expect(latenessOf('register', calendar, '2026-03-31')).toBeNull();
    expect(latenessOf('register', calendar, '2026-04-01')).toEqual({
      kind: 'REGISTRATION',
      due: '2026-03-31',
      closed: false,
    });
    expect(latenessOf('submit', calendar, '2026-10-01')).toEqual({
      kind: 'SUBMISSION',
      due: '2026-09-30',
      closed: true,
    });
    // A returned dossier: the return's date only, never closed, whatever the programme's dates.
    expect(latenessOf('submit', calendar, '2026-12-04', { fixBy: '2026-12-10' })).toBeNull();
    expect(latenessOf('submit', calendar, '2026-12-11', { fixBy: '2026-12-10' })).toEqual({
      kind: 'RETURN_FIX',
      due: '2026-12-10',
      closed: false,
    });
    expect(latenessOf('submit', calendar, '2026-12-11', { fixBy: null })).toBeNull();
    expect(latenessOf('submit', { dates: {}, closed: [] }, '2026-12-11')).toBeNull();
  });

  it('the four dates must come in the programme order', () => {
    expect(
      calendarOrderProblem({ REGISTRATION: '2026-03-01', SUBMISSION: '2026-09-01' }),
    ).toBeNull();
    expect(calendarOrderProblem({ SUBMISSION: '2026-09-01', INSPECTION: '2026-08-01' })).toBe(
      'INSPECTION',
    );
  });
});

describe('the loop after a return', () => {
  const submit = findTransition('submit');
  it('a fix after the Ministry returned goes back to the Ministry, at the step it left', () => {
    expect(resolveStep(submit, { stage: 'MINISTRY', from: 'INSPECTING' })).toMatchObject({
      to: 'INSPECTING',
      notify: { kind: 'AWAITING_REVIEW', audience: 'ministry' },
      inform: { kind: 'RESUBMITTED', audience: 'province' },
    });
    expect(resolveStep(submit, { stage: 'MINISTRY', from: 'PROPOSED' }).to).toBe('PROPOSED');
  });
  it("a fix after the province's return, and a first submission, go to the province", () => {
    expect(resolveStep(submit, { stage: 'PROVINCE', from: 'SUBMITTED' })).toBe(submit);
    expect(resolveStep(submit, null)).toBe(submit);
    expect(resolveStep(submit, null).to).toBe('SUBMITTED');
    const propose = findTransition('propose');
    expect(resolveStep(propose, { stage: 'MINISTRY', from: 'INSPECTING' })).toBe(propose);
  });
});

describe('returns must be answered', () => {
  const before = { state: 'NOT_MET' as const, value: 80, baseline: null, note: '' };
  it('finds what changed since the return, field by field', () => {
    expect(changedFields(before, { ...before })).toEqual([]);
    expect(changedFields(before, { ...before, value: 97.5, state: 'MET' })).toEqual([
      'state',
      'value',
    ]);
    expect(changedFields(before, { ...before, note: 'Đã bổ sung' })).toEqual(['note']);
  });

  it('reads a stored snapshot back, and nothing from nothing', () => {
    expect(readSnapshot({ state: 'MET', value: 1, baseline: null, note: 'x' })).toEqual({
      state: 'MET',
      value: 1,
      baseline: null,
      note: 'x',
    });
    expect(readSnapshot(null)).toBeNull();
  });

  it('lists the returned criteria still unanswered, once each, in order', () => {
    expect(
      unansweredReturns([
        { criterion: 11, answeredAt: null },
        { criterion: 5, answeredAt: null },
        { criterion: 5, answeredAt: null },
        { criterion: 3, answeredAt: new Date() },
      ]),
    ).toEqual([5, 11]);
  });

  it('refuses a resubmission while any return is unanswered', () => {
    const results = Array.from({ length: 22 }, () => ({ state: 'MET' as const }));
    expect(
      checkTransition('submit', 'RETURNED', { results, isAttained: true, unansweredReturns: 1 }),
    ).toEqual({ ok: false, reason: 'unanswered' });
    expect(
      checkTransition('submit', 'RETURNED', { results, isAttained: true, unansweredReturns: 0 }),
    ).toEqual({ ok: true, to: 'SUBMITTED' });
  });
});

describe('evidence period against the assessment year', () => {
  it('warns only when the period does not touch the year', () => {
    expect(periodOutsideYear(d('2024-01-01'), d('2024-12-31'), 2026)).toBe(true);
    expect(periodOutsideYear(d('2027-01-01'), null, 2026)).toBe(true);
    expect(periodOutsideYear(d('2025-10-01'), d('2026-03-31'), 2026)).toBe(false);
    expect(periodOutsideYear(null, null, 2026)).toBe(false);
    expect(periodOutsideYear(null, d('2026-01-01'), 2026)).toBe(false);
  });
});

describe('the target a year works towards', () => {
  const targets = [
    { provinceId: null, year: 2025, kind: 'PERCENT' as const, value: 40, sourceDocument: '' },
    { provinceId: null, year: 2029, kind: 'PERCENT' as const, value: 100, sourceDocument: '' },
    { provinceId: 7, year: 2027, kind: 'PERCENT' as const, value: 70, sourceDocument: '' },
  ];
  it("is the year's own, else the next year's, the province's own before the national", () => {
    expect(targetInForce(targets, 1, 2025)).toMatchObject({ year: 2025, value: 40 });
    expect(targetInForce(targets, 1, 2026)).toMatchObject({
      year: 2029,
      value: 100,
      origin: 'national',
    });
    expect(targetInForce(targets, 7, 2026)).toMatchObject({
      year: 2027,
      value: 70,
      origin: 'province',
    });
    expect(targetInForce(targets, 1, 2030)).toBeNull();
  });
});
