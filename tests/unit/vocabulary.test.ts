import { describe, expect, it } from 'vitest';
import { resultStates } from '@/lib/domain/attainment';
import { roles } from '@/lib/domain/permissions';
import { memberOf, vocabularyMatchesSchema } from '@/lib/domain/vocabulary';
import { readNotificationParams } from '@/lib/validations/notifications';

describe('one vocabulary', () => {
  it("the rules' lists name exactly the schema's enums (checked by the type checker)", () => {
    expect(vocabularyMatchesSchema.every(Boolean)).toBe(true);
  });

  it('text from a form or stored JSON is one of a list, or not', () => {
    expect(memberOf(resultStates, 'MET')).toBe(true);
    expect(memberOf(resultStates, 'met')).toBe(false);
    expect(memberOf(roles, 'ADMIN')).toBe(true);
    expect(memberOf(roles, 'ROOT')).toBe(false);
    expect(memberOf(roles, 3)).toBe(false);
  });
});

describe('stored inbox parameters', () => {
  const line = { ward: 'Phường Hạc Thành', year: 2026, count: 2, href: '/wards/14797/2026' };

  it('read back as written', () => {
    expect(readNotificationParams(line)).toEqual(line);
    expect(readNotificationParams({ ...line, deadline: 'SUBMISSION', due: '2026-09-30' })).toEqual({
      ...line,
      deadline: 'SUBMISSION',
      due: '2026-09-30',
    });
  });

  it('are skipped when they do not read as such: never an off-site link or a non-text name', () => {
    for (const bad of [
      { ...line, href: 'https://example.com/' },
      { ...line, href: '//example.com/' },
      { ...line, href: 'javascript:alert(1)' },
      { ...line, ward: { toString: 'x' } },
      { ...line, year: '2026' },
      { ...line, deadline: 'LUNCH' },
      null,
      'text',
    ])
      expect(readNotificationParams(bad)).toBeNull();
  });
});
