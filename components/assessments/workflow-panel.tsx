'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { transitionAction } from '@/lib/actions/assessments';
import type { ActionResult } from '@/lib/actions/result';
import type { TransitionName } from '@/lib/domain/workflow';

const initial: ActionResult = { status: 'idle' };

export interface ReturnableItem {
  resultId: number;
  number: number;
  title: string;
}

/** The steps this user may take now; each is its own small form. */
export function WorkflowPanel({
  assessmentId,
  available,
  items,
}: {
  assessmentId: number;
  available: TransitionName[];
  items: ReturnableItem[];
}) {
  if (available.length === 0) return null;
  return (
    <div className="flex flex-wrap items-start gap-3">
      {available.map((name) => (
        <TransitionForm key={name} assessmentId={assessmentId} name={name} items={items} />
      ))}
    </div>
  );
}

function TransitionForm({
  assessmentId,
  name,
  items,
}: {
  assessmentId: number;
  name: TransitionName;
  items: ReturnableItem[];
}) {
  const t = useTranslations('sheet');
  const [state, action, pending] = useActionState(transitionAction, initial);
  const needsDetails =
    name === 'returnByProvince' ||
    name === 'returnByMinistry' ||
    name === 'recognise' ||
    name === 'reject' ||
    name === 'withdrawRecognition';
  const feedback = (
    <p
      aria-live="polite"
      role={state.status === 'error' ? 'alert' : 'status'}
      className={`text-sm ${state.status === 'error' ? 'text-rose-700' : 'text-emerald-700'}`}
    >
      {state.status === 'idle' ? '' : state.message}
    </p>
  );
  const hidden = (
    <>
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="name" value={name} />
    </>
  );
  const danger =
    name === 'reject' || name === 'withdrawRecognition' || name === 'cancelRegistration';
  const button = (
    <button
      type="submit"
      disabled={pending}
      className={`rounded px-4 py-2 text-sm font-medium text-white disabled:opacity-50 ${danger ? 'bg-rose-700 hover:bg-rose-800' : 'bg-brand-700 hover:bg-brand-800'}`}
    >
      {needsDetails ? t('confirm') : t(`actions.${name}`)}
    </button>
  );
  if (!needsDetails)
    return (
      <form action={action} className="flex flex-col gap-1">
        {hidden}
        {button}
        {feedback}
      </form>
    );
  const e = state.fieldErrors ?? {};
  return (
    <details className="w-full rounded border border-slate-200 bg-white p-3 sm:w-auto">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">
        {t(`actions.${name}`)}
      </summary>
      <form action={action} className="mt-3 flex flex-col gap-3">
        {hidden}
        {name === 'returnByProvince' || name === 'returnByMinistry' ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-semibold">{t('returnTitle')}</legend>
            <p className="text-xs text-slate-600">{t('returnHint')}</p>
            <ul className="max-h-96 space-y-2 overflow-y-auto">
              {items.map((item) => (
                <li key={item.resultId} className="rounded border border-slate-100 p-2">
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="item" value={item.resultId} className="mt-1" />
                    <span>
                      {item.number}. {item.title}
                    </span>
                  </label>
                  <label htmlFor={`reason-${name}-${item.resultId}`} className="sr-only">
                    {t('reasonFor', { number: item.number })}
                  </label>
                  <textarea
                    id={`reason-${name}-${item.resultId}`}
                    name={`reason-${item.resultId}`}
                    rows={1}
                    maxLength={2000}
                    placeholder={t('reason')}
                    className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm"
                  />
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        {name === 'recognise' ? (
          <div className="grid gap-2 sm:grid-cols-2">
            <div className="flex flex-col gap-1">
              <label htmlFor={`decision-number-${assessmentId}`} className="text-sm font-medium">
                {t('decisionNumber')}
              </label>
              <input
                id={`decision-number-${assessmentId}`}
                name="decisionNumber"
                required
                maxLength={100}
                className="rounded border border-slate-300 px-2 py-1 text-sm"
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`decision-date-${assessmentId}`} className="text-sm font-medium">
                {t('decisionDate')}
              </label>
              <input
                id={`decision-date-${assessmentId}`}
                name="decisionDate"
                type="date"
                required
                className="rounded border border-slate-300 px-2 py-1 text-sm"
              />
            </div>
            {e.decision ? (
              <p className="text-sm text-rose-700 sm:col-span-2">{e.decision.join(' ')}</p>
            ) : null}
          </div>
        ) : null}
        {name === 'reject' || name === 'withdrawRecognition' ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={`reason-${name}-${assessmentId}`} className="text-sm font-medium">
              {t('reason')}
            </label>
            <textarea
              id={`reason-${name}-${assessmentId}`}
              name="reason"
              required
              maxLength={2000}
              rows={2}
              className="rounded border border-slate-300 px-2 py-1 text-sm"
            />
          </div>
        ) : null}
        <div className="flex items-center gap-3">
          {button}
          {feedback}
        </div>
      </form>
    </details>
  );
}
