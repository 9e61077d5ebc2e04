'use client';

import Link from '@/components/ui/link';
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { registerWardsAction, transitionAction } from '@/lib/actions/assessments';
import type { RegistrationOverview } from '@/lib/data/assessments/registration';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { Field, FormMessage, TextAreaField } from '@/components/ui/form';
import { StatusBadge } from './status-badge';
import { foldForSearch } from '@/lib/domain/search-text';
import { wardName } from '@/lib/domain/units';

type Ward = RegistrationOverview['wards'][number];

export function RegistrationForm({
  year,
  wards,
  late,
}: {
  year: number;
  wards: RegistrationOverview['wards'];
  /** Registration after its date (`due` formatted): a reason is asked, or it is closed. */
  late: { due: string; closed: boolean } | null;
}) {
  const t = useTranslations('registration');
  const [state, action] = useActionState(registerWardsAction, { status: 'idle' });
  // After a refusal the wards the user ticked stay ticked.
  const ticked = new Set([state.status === 'error' ? (state.values?.unitCode ?? []) : []].flat());
  const open = (status: RegistrationOverview['wards'][number]['status']) =>
    status === null || status === 'CANCELLED';
  // A filter by name (with or without diacritics) or code; wards ticked then filtered away stay chosen.
  const [filter, setFilter] = useState('');
  const folded = foldForSearch(filter);
  const shown = folded
    ? wards.filter((w) => ` ${foldForSearch(w.name)} ${w.code}`.includes(` ${folded}`))
    : wards;
  const [chosen, setChosen] = useState<Set<string>>(() => ticked);
  const [sent, setSent] = useState(state);
  if (sent !== state) {
    setSent(state);
    setChosen(new Set(ticked));
  }
  const visible = new Set(shown.map((w) => w.code));
  const toggle = (code: string, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  return (
    <div className="space-y-3">
      <form id="register-form" action={action}>
        <input type="hidden" name="year" value={year} />
        {[...chosen]
          .filter((code) => !visible.has(code))
          .map((code) => (
            <input key={code} type="hidden" name="unitCode" value={code} />
          ))}
      </form>
      <div className="flex max-w-sm flex-col gap-1">
        {/* Outside the registration form: it filters the list and is never sent. */}
        <Field
          name="filter"
          type="search"
          label={t('filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <p className="text-xs text-slate-500" aria-live="polite">
          {t('chosen', { count: chosen.size })}
        </p>
      </div>
      <DataTable
        caption={t('title')}
        rows={shown}
        rowKey={(w) => w.code}
        empty={t('noWards')}
        columns={columnsOf<Ward>()(t, {
          select: {
            className: 'w-16',
            cell: (w) =>
              open(w.status) ? (
                <input
                  type="checkbox"
                  form="register-form"
                  name="unitCode"
                  value={w.code}
                  id={`reg-${w.code}`}
                  checked={chosen.has(w.code)}
                  onChange={(e) => toggle(w.code, e.target.checked)}
                  aria-label={`${t('select')} ${wardName(w.name)}`}
                />
              ) : null,
          },
          ward: {
            rowHeader: true,
            cell: (w) => (
              <>
                <label htmlFor={`reg-${w.code}`}>{wardName(w.name)}</label>{' '}
                <span className="text-xs text-slate-500">{w.code}</span>
              </>
            ),
          },
          status: (w) =>
            w.status ? (
              <StatusBadge status={w.status} />
            ) : (
              <span className="text-slate-500">{t('notRegistered')}</span>
            ),
          open: {
            hiddenHeader: true,
            align: 'right',
            className: 'space-x-3',
            cell: (w) => (
              <>
                {w.status && w.status !== 'CANCELLED' ? (
                  <Link
                    href={`/wards/${w.code}/${year}`}
                    className="text-brand-700 hover:underline"
                  >
                    {t('open')}
                  </Link>
                ) : null}
                {w.status === 'DRAFT' && w.assessmentId ? (
                  <ActionButton
                    action={transitionAction}
                    fields={{ assessmentId: w.assessmentId, name: 'cancelRegistration' }}
                    label={t('withdraw')}
                    confirm={t('withdrawConfirm', { ward: wardName(w.name) })}
                  />
                ) : null}
              </>
            ),
          },
        })}
      />
      {late ? (
        <div
          role="note"
          data-testid="registration-late"
          className={`max-w-2xl rounded border p-3 text-sm ${
            late.closed
              ? 'border-rose-200 bg-rose-50 text-rose-900'
              : 'border-amber-200 bg-amber-50 text-amber-900'
          }`}
        >
          <p>{t(late.closed ? 'closed' : 'late', { due: late.due })}</p>
          {late.closed ? null : (
            <TextAreaField
              key={JSON.stringify(state.values?.lateReason ?? null)}
              name="lateReason"
              form="register-form"
              label={t('lateReason')}
              required
              maxLength={2000}
              rows={2}
              className="mt-2 text-slate-900"
              defaultValue={state.status === 'error' ? state.values?.lateReason : undefined}
            />
          )}
        </div>
      ) : null}
      <FormMessage
        status={state.status}
        message={state.fieldErrors?.unitCodes?.[0] ?? state.message}
      />
      <Button type="submit" form="register-form" disabled={late?.closed}>
        {t('register')}
      </Button>
    </div>
  );
}
