'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { registerWardsAction, transitionAction } from '@/lib/actions/assessments';
import type { RegistrationOverview } from '@/lib/data/assessments';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { FormMessage } from '@/components/ui/form';
import { StatusBadge } from './status-badge';
import { wardName } from '@/lib/domain/units';

type Ward = RegistrationOverview['wards'][number];

export function RegistrationForm({
  year,
  wards,
}: {
  year: number;
  wards: RegistrationOverview['wards'];
}) {
  const t = useTranslations('registration');
  const [state, action] = useActionState(registerWardsAction, { status: 'idle' });
  // After a refusal the wards the user ticked stay ticked.
  const ticked = new Set([state.status === 'error' ? (state.values?.unitCode ?? []) : []].flat());
  const open = (status: RegistrationOverview['wards'][number]['status']) =>
    status === null || status === 'CANCELLED';
  return (
    <div className="space-y-3">
      <form id="register-form" action={action}>
        <input type="hidden" name="year" value={year} />
      </form>
      <DataTable
        caption={t('title')}
        rows={wards}
        rowKey={(w) => w.code}
        empty={t('noWards')}
        columns={columnsOf<Ward>(t, {
          select: {
            className: 'w-16',
            cell: (w) =>
              open(w.status) ? (
                <input
                  key={`${w.code}-${ticked.has(w.code)}`}
                  type="checkbox"
                  form="register-form"
                  name="unitCode"
                  value={w.code}
                  id={`reg-${w.code}`}
                  defaultChecked={ticked.has(w.code)}
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
      <FormMessage
        status={state.status}
        message={state.fieldErrors?.unitCodes?.[0] ?? state.message}
      />
      <Button type="submit" form="register-form">
        {t('register')}
      </Button>
    </div>
  );
}
