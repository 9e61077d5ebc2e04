'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { registerWardsAction, transitionAction } from '@/lib/actions/assessments';
import type { ActionResult } from '@/lib/actions/result';
import type { RegistrationOverview } from '@/lib/data/assessments';
import { FormMessage } from '@/components/ui/form-field';
import { StatusBadge } from './status-badge';
import { wardName } from '@/lib/domain/units';

const initial: ActionResult = { status: 'idle' };

function WithdrawButton({ assessmentId, label }: { assessmentId: number; label: string }) {
  const [state, action, pending] = useActionState(transitionAction, initial);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="name" value="cancelRegistration" />
      <button
        type="submit"
        disabled={pending}
        className="text-sm text-rose-700 hover:underline disabled:opacity-50"
      >
        {label}
      </button>
      {state.status === 'error' ? (
        <span role="alert" className="ml-2 text-xs text-rose-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function RegistrationForm({
  provinceCode,
  year,
  wards,
}: {
  provinceCode: string;
  year: number;
  wards: RegistrationOverview['wards'];
}) {
  const t = useTranslations('registration');
  const [state, action, pending] = useActionState(registerWardsAction, initial);
  const open = (status: RegistrationOverview['wards'][number]['status']) =>
    status === null || status === 'CANCELLED';
  return (
    <div className="space-y-3">
      <form id="register-form" action={action}>
        <input type="hidden" name="provinceCode" value={provinceCode} />
        <input type="hidden" name="year" value={year} />
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
            <tr>
              <th scope="col" className="w-16 px-3 py-2">
                {t('select')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('ward')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('status')}
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t('open')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {wards.map((w) => (
              <tr key={w.code}>
                <td className="px-3 py-2">
                  {open(w.status) ? (
                    <input
                      type="checkbox"
                      form="register-form"
                      name="unitCode"
                      value={w.code}
                      id={`reg-${w.code}`}
                      aria-label={`${t('select')} ${wardName(w.name)}`}
                    />
                  ) : null}
                </td>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <label htmlFor={`reg-${w.code}`}>{wardName(w.name)}</label>{' '}
                  <span className="text-xs text-slate-500">{w.code}</span>
                </th>
                <td className="px-3 py-2">
                  {w.status ? (
                    <StatusBadge status={w.status} />
                  ) : (
                    <span className="text-slate-500">{t('notRegistered')}</span>
                  )}
                </td>
                <td className="space-x-3 px-3 py-2 text-right">
                  {w.status && w.status !== 'CANCELLED' ? (
                    <Link
                      href={`/wards/${w.code}/${year}`}
                      className="text-brand-700 hover:underline"
                    >
                      {t('open')}
                    </Link>
                  ) : null}
                  {w.status === 'DRAFT' && w.assessmentId ? (
                    <WithdrawButton assessmentId={w.assessmentId} label={t('withdraw')} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormMessage
        status={state.status}
        message={state.fieldErrors?.unitCodes?.[0] ?? state.message}
      />
      <button
        type="submit"
        form="register-form"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-50"
      >
        {t('register')}
      </button>
    </div>
  );
}
