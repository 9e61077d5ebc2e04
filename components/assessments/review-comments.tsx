'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { addCommentAction, respondToReturnAction } from '@/lib/actions/assessments';
import type { ActionResult } from '@/lib/actions/result';
import { formatDateTime } from '@/lib/i18n/format';
import { ActionForm, FormFooter, TextAreaField } from '@/components/ui/form';
import type { CommentItem } from '@/lib/domain/sheet-items';

/**
 * What reviewers said of one criterion: for a return, its reason, what the ward changed since
 * (for the reviewer who reads it again), and the ward's written answer, which the ward can give
 * here while the return is open.
 */
export function ReviewComments({
  resultId,
  comments,
  canRespond,
  canComment,
}: {
  /** The criterion's result: the section is named after it ("Ý kiến … 5. Trang thiết bị"). */
  resultId: number;
  comments: CommentItem[];
  canRespond: boolean;
  /** May add to the thread (the ward, its province, the Ministry). */
  canComment: boolean;
}) {
  const t = useTranslations('sheet');
  const tRoles = useTranslations('roles');
  const locale = useLocale();
  if (comments.length === 0 && !canComment) return null;
  return (
    <section
      className="mt-3 border-t border-slate-100 pt-3"
      aria-labelledby={`r${resultId}-comments r${resultId}-title`}
    >
      <h4 id={`r${resultId}-comments`} className="text-sm font-medium text-slate-700">
        {t('comments')}
      </h4>
      <ul className="mt-1 space-y-2 text-sm">
        {comments.map((c) => {
          const open = c.isReturn && !c.resolvedAt;
          return (
            <li
              key={c.id}
              className={`rounded px-2 py-1 ${open ? 'bg-amber-50 text-amber-950' : 'bg-slate-50 text-slate-700'}`}
            >
              <span className="font-medium">
                {c.isReturn ? t('returnedBy', { stage: t(`stage.${c.stage}`) }) : t('comment')}
              </span>
              {' · '}
              {c.author ?? '—'}
              {!c.isReturn && c.authorRole ? ` (${tRoles(c.authorRole)})` : ''} ·{' '}
              {formatDateTime(c.createdAt, locale)}
              {c.resolvedAt ? ` · ${t('resolved')}` : ''}
              <p className="whitespace-pre-wrap">{c.body}</p>
              {c.isReturn ? (
                <div className="mt-1 text-xs">
                  <p className={c.answeredAt ? 'text-emerald-800' : 'font-medium text-rose-800'}>
                    {c.answeredAt ? t('answered') : t('notAnswered')}
                  </p>
                  {c.changes.length || c.evidenceAdded ? (
                    <ul className="list-inside list-disc" aria-label={t('changesSince')}>
                      {c.changes.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                      {c.evidenceAdded ? (
                        <li>{t('evidenceAdded', { count: c.evidenceAdded })}</li>
                      ) : null}
                    </ul>
                  ) : null}
                  {c.response ? (
                    <p className="mt-1 whitespace-pre-wrap">
                      <span className="font-medium">{t('response')}: </span>
                      {c.response}
                    </p>
                  ) : null}
                </div>
              ) : null}
              {open && canRespond ? <RespondForm commentId={c.id} current={c.response} /> : null}
            </li>
          );
        })}
      </ul>
      {canComment ? <CommentForm resultId={resultId} /> : null}
    </section>
  );
}

/** Adds to the criterion's thread, without returning it. */
function CommentForm({ resultId }: { resultId: number }) {
  const t = useTranslations('sheet');
  const [state, action] = useActionState(addCommentAction, { status: 'idle' } as ActionResult);
  return (
    <details className="mt-1" open={state.status === 'error' || undefined}>
      <summary className="cursor-pointer text-xs text-brand-700">{t('addComment')}</summary>
      <ActionForm state={state} action={action} className="mt-1 flex flex-col gap-1">
        <input type="hidden" name="resultId" value={resultId} />
        <TextAreaField
          key={state.status === 'success' ? `sent-${JSON.stringify(state)}` : 'typing'}
          id={`comment-${resultId}`}
          name="body"
          label={t('commentBody')}
          hint={t('commentHint')}
          required
          maxLength={2000}
          rows={2}
        />
        <FormFooter label={t('sendComment')} variant="secondary" />
      </ActionForm>
    </details>
  );
}

function RespondForm({ commentId, current }: { commentId: number; current: string }) {
  const t = useTranslations('sheet');
  const [state, action] = useActionState(respondToReturnAction, {
    status: 'idle',
  } as ActionResult);
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs text-brand-700">{t('respond')}</summary>
      <ActionForm state={state} action={action} className="mt-1 flex flex-col gap-1">
        <input type="hidden" name="commentId" value={commentId} />
        <TextAreaField
          id={`response-${commentId}`}
          name="response"
          label={t('response')}
          defaultValue={current}
          required
          maxLength={2000}
          rows={2}
        />
        <FormFooter label={t('sendResponse')} variant="secondary" />
      </ActionForm>
    </details>
  );
}
