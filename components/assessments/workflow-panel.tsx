'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { transitionAction } from '@/lib/actions/assessments';
import type { ActionResult } from '@/lib/actions/result';
import { EVIDENCE_CHECKED_STEPS, type EvidenceCheck } from '@/lib/domain/evidence-check';
import { findTransition, type TransitionName } from '@/lib/domain/workflow';
import { CriterionLinks } from './criterion-links';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ActionForm, Field, FormMessage, TextAreaField, inputClass } from '@/components/ui/form';
import { returnFields } from '@/lib/validations/return-form';
import type { ReturnableItem, SubmitContext, FixByRange } from '@/lib/domain/sheet-items';

const initial: ActionResult = { status: 'idle' };

interface StepContext {
  assessmentId: number;
  items: ReturnableItem[];
  /** The dossier's criteria without evidence, warned of (or refused) at the steps that check. */
  evidence: EvidenceCheck;
  submit: SubmitContext;
  fixBy: FixByRange;
}

/**
 * The steps this user may take now, each its own small form. Steps that end something (red) sit
 * apart from the others, and every step asks for confirmation before it is taken.
 */
export function WorkflowPanel({
  available,
  ...context
}: StepContext & { available: TransitionName[] }) {
  if (available.length === 0) return null;
  const danger = available.filter((n) => findTransition(n).tone === 'danger');
  const others = available.filter((n) => findTransition(n).tone !== 'danger');
  const form = (name: TransitionName) => <TransitionForm key={name} name={name} {...context} />;
  return (
    <div className="flex flex-wrap items-start gap-3">
      {others.map(form)}
      {danger.length ? (
        <div className="flex flex-wrap items-start gap-3 border-l border-slate-200 pl-3 sm:ml-auto">
          {danger.map(form)}
        </div>
      ) : null}
    </div>
  );
}

function TransitionForm({
  assessmentId,
  name,
  items,
  evidence,
  submit,
  fixBy,
}: StepContext & { name: TransitionName }) {
  const t = useTranslations('sheet');
  const [state, action] = useActionState(transitionAction, initial);
  const step = findTransition(name);
  const variant = step.tone === 'danger' ? 'danger' : 'primary';
  const hidden = (
    <>
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="name" value={name} />
    </>
  );
  // A fix after the Ministry's return goes straight back to it: the button says so.
  const label = name === 'submit' && submit.toMinistry ? 'resubmitToMinistry' : name;
  const late = name === 'submit' ? submit.late : null;
  const confirm = late?.closed ? null : (
    <ConfirmDialog
      label={t(`actions.${label}`)}
      message={t(`confirmStep.${label}`)}
      variant={variant}
    />
  );
  // Sending after the date: why (kept in the history), or, once closed, why it cannot be sent.
  const lateNote = late ? (
    <div
      role="note"
      data-testid="late-note"
      className={`max-w-md text-sm ${late.closed ? 'text-rose-800' : 'text-amber-800'}`}
    >
      <p>{t(late.closed ? 'submitClosed' : 'submitLate', { due: late.due })}</p>
      {late.closed ? null : (
        <TextAreaField
          id={`reason-${name}-${assessmentId}`}
          name="reason"
          label={t('lateReason')}
          required
          maxLength={2000}
          rows={2}
          className="mt-2 text-slate-900"
        />
      )}
    </div>
  ) : null;
  const routeNote =
    name === 'submit' && submit.toMinistry ? (
      <p className="max-w-md text-xs text-slate-600">{t('resubmitToMinistryHint')}</p>
    ) : null;
  // Before a step that sends the dossier on: which criteria carry no evidence (refused while a
  // required one is among them; the server checks again).
  const checked = EVIDENCE_CHECKED_STEPS.has(name);
  const blocked = checked && evidence.required.length > 0;
  const evidenceNote =
    checked && evidence.bare.length ? (
      <p
        role="note"
        className={`max-w-xs text-xs ${blocked ? 'text-rose-800' : 'text-amber-800'}`}
        data-testid={`evidence-note-${name}`}
      >
        {blocked
          ? t('stepRequired', { list: evidence.required.join(', ') })
          : t('stepBare', { count: evidence.bare.length })}{' '}
        {blocked ? null : <CriterionLinks numbers={evidence.bare} />}
      </p>
    ) : null;
  if (!step.needs)
    return (
      <ActionForm state={state} action={action} className="flex flex-col gap-1">
        {hidden}
        {lateNote}
        {routeNote}
        {confirm}
        {evidenceNote}
        <FormMessage status={state.status} message={state.message} />
      </ActionForm>
    );
  return (
    <details
      className="w-full rounded border border-slate-200 bg-white p-3 sm:w-auto"
      open={state.status === 'error' || undefined}
    >
      <summary className="cursor-pointer text-sm font-medium text-brand-800">
        {t(`actions.${name}`)}
      </summary>
      <ActionForm state={state} action={action} className="mt-3 flex flex-col gap-3">
        {hidden}
        {step.needs === 'returnItems' ? (
          <>
            <ReturnItems state={state} items={items} />
            <Field
              id={`fix-by-${name}-${assessmentId}`}
              name="fixBy"
              type="date"
              label={t('fixBy')}
              hint={t('fixByHint')}
              required
              min={fixBy.min}
              max={fixBy.max}
              defaultValue={fixBy.suggested}
              className="max-w-xs"
            />
          </>
        ) : null}
        {step.needs === 'decision' || step.needs === 'decisionAndReason' ? (
          <div className="grid gap-2 sm:grid-cols-2">
            <Field
              id={`decision-number-${name}-${assessmentId}`}
              name="decisionNumber"
              label={t(name === 'withdrawRecognition' ? 'withdrawalNumber' : 'decisionNumber')}
              required
              maxLength={100}
            />
            <Field
              id={`decision-date-${name}-${assessmentId}`}
              name="decisionDate"
              type="date"
              label={t(name === 'withdrawRecognition' ? 'withdrawalDate' : 'decisionDate')}
              errorKey="decision"
              required
            />
          </div>
        ) : null}
        {step.needs === 'reason' || step.needs === 'decisionAndReason' ? (
          <TextAreaField
            id={`reason-${name}-${assessmentId}`}
            name="reason"
            label={t('reason')}
            required
            maxLength={2000}
            rows={2}
          />
        ) : null}
        {evidenceNote}
        <div className="flex flex-wrap items-center gap-3">
          {confirm}
          <FormMessage status={state.status} message={state.message} />
        </div>
      </ActionForm>
    </details>
  );
}

/**
 * The criteria a reviewer may send back, each with its result as it stands and a reason. After a
 * refusal the ticks and reasons stay, and a ticked criterion without a reason is marked.
 */
function ReturnItems({ state, items }: { state: ActionResult; items: ReturnableItem[] }) {
  const t = useTranslations('sheet');
  const sent = state.status === 'error' ? state.values : undefined;
  const ticked = new Set([sent?.[returnFields.item] ?? []].flat());
  const reasonOf = (id: number) => {
    const v = sent?.[returnFields.reason(id)];
    return typeof v === 'string' ? v : '';
  };
  const itemError = state.fieldErrors?.items?.[0];
  const version = JSON.stringify(sent ?? null);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">{t('returnTitle')}</legend>
      <p className="text-xs text-slate-600">{t('returnHint')}</p>
      <ul className="max-h-[32rem] space-y-2 overflow-y-auto">
        {items.map((item) => {
          const id = `reason-item-${item.resultId}`;
          const invalid = Boolean(
            itemError && ticked.has(String(item.resultId)) && !reasonOf(item.resultId).trim(),
          );
          return (
            <li key={`${version}-${item.resultId}`} className="rounded border border-slate-100 p-2">
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name={returnFields.item}
                  value={item.resultId}
                  defaultChecked={ticked.has(String(item.resultId))}
                  className="mt-1"
                />
                <span>
                  {item.number}. {item.title}
                  <span className="block text-xs text-slate-500">
                    {t('currentResult', { result: item.current })}
                  </span>
                </span>
              </label>
              <label htmlFor={id} className="sr-only">
                {t('reasonFor', { number: item.number })}
              </label>
              <textarea
                id={id}
                name={returnFields.reason(item.resultId)}
                rows={1}
                maxLength={2000}
                placeholder={t('reason')}
                defaultValue={reasonOf(item.resultId)}
                aria-invalid={invalid}
                aria-describedby={invalid ? `${id}-error` : undefined}
                className={`mt-1 w-full ${inputClass}`}
              />
              {invalid ? (
                <p id={`${id}-error`} className="text-sm text-rose-700">
                  {itemError}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
