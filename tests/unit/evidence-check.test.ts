import { describe, expect, it } from 'vitest';
import { checkEvidence, EVIDENCE_CHECKED_STEPS, isBare } from '@/lib/domain/evidence-check';
import { transitionNames } from '@/lib/domain/workflow';

const row = (
  number: number,
  state: 'MET' | 'NOT_MET' | 'NOT_DUE' | 'NOT_ASSESSED',
  evidenceCount: number,
  evidenceRequired = false,
) => ({
  number,
  state,
  evidenceCount,
  evidenceRequired,
});

describe('expected evidence', () => {
  it('calls a due criterion without evidence bare, whatever its result; one not yet due never', () => {
    expect(isBare({ state: 'MET', evidenceCount: 0 })).toBe(true);
    expect(isBare({ state: 'NOT_MET', evidenceCount: 0 })).toBe(true);
    expect(isBare({ state: 'NOT_ASSESSED', evidenceCount: 0 })).toBe(true);
    expect(isBare({ state: 'NOT_DUE', evidenceCount: 0 })).toBe(false);
    expect(isBare({ state: 'MET', evidenceCount: 2 })).toBe(false);
  });

  it('lists bare criteria by number, and apart the required ones that hold the dossier', () => {
    expect(
      checkEvidence([
        row(12, 'MET', 0, true),
        row(3, 'NOT_MET', 0),
        row(7, 'MET', 1, true),
        row(5, 'NOT_DUE', 0, true),
        row(1, 'MET', 0),
      ]),
    ).toEqual({ bare: [1, 3, 12], required: [12] });
  });

  it('is checked at the steps that send a dossier on, and only there', () => {
    expect([...EVIDENCE_CHECKED_STEPS].sort()).toEqual(['propose', 'recognise', 'submit']);
    for (const name of EVIDENCE_CHECKED_STEPS) expect(transitionNames).toContain(name);
  });
});
