'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { removeEvidenceAction } from '@/lib/actions/assessments';
import { useEvidenceUpload } from './evidence-upload';
import { useUnsavedMark } from './unsaved-changes';
import { EvidenceSection } from './evidence-section';
import { ActionButton } from '@/components/ui/action-button';
import {
  ActionForm,
  Field,
  FileField,
  SelectField,
  SubmitButton,
  TextAreaField,
} from '@/components/ui/form';
import type { EvidenceItem } from '@/lib/domain/sheet-items';

/** A criterion's evidence for the one who may change it: each item's "Xóa", and the form that adds. */
export function EvidenceEditor({
  resultId,
  items,
  maxMb,
}: {
  resultId: number;
  items: EvidenceItem[];
  maxMb: number;
}) {
  const t = useTranslations('sheet');
  const [kind, setKind] = useState<'FILE' | 'LINK' | 'NOTE'>('FILE');
  const tEvidence = useTranslations('evidence');
  const tooLarge = tEvidence('tooLarge', { mb: maxMb });
  const { state, action, pending, percent, chosen } = useEvidenceUpload(maxMb);
  const [tooBig, setTooBig] = useState(false);
  const [dragging, setDragging] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = (name: string) => `e${resultId}-${name}`;
  // A half-typed item warns before the page is left, like a criterion's unsaved result.
  const mark = useUnsavedMark();
  const unsavedKey = `evidence-${resultId}`;
  // "Đã thêm minh chứng." is about the last addition: removing an item afterwards clears it.
  const [dismissed, setDismissed] = useState(false);
  // Each success empties the form for the next item (the kind stays).
  useEffect(() => {
    if (state.status === 'success') {
      formRef.current?.reset();
      mark(unsavedKey, false);
    }
    // A refusal keeps the chosen file: it goes back into the field, ready to send again.
    const input = formRef.current?.elements.namedItem('file');
    if (state.status === 'error' && chosen.current.length && input instanceof HTMLInputElement) {
      const files = new DataTransfer();
      for (const file of chosen.current) files.items.add(file);
      input.files = files.files;
      mark(unsavedKey, true);
    }
  }, [state, mark, unsavedKey, chosen]);
  const added = state.data?.added ?? 0;

  return (
    <EvidenceSection
      resultId={resultId}
      items={items}
      onSubmitCapture={() => setDismissed(true)}
      actions={(item) => (
        <ActionButton
          action={removeEvidenceAction}
          fields={{ evidenceId: item.id }}
          label={t('remove')}
          confirm={t('removeConfirm', { title: item.title })}
        />
      )}
    >
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-brand-700">{t('addEvidence')}</summary>
        <ActionForm
          ref={formRef}
          state={state}
          action={action}
          onChange={(event) => mark(unsavedKey, hasInput(event.currentTarget))}
          onSubmit={(event) => {
            setDismissed(false);
            // Checked before sending, so nothing is lost and no 20 MB upload is wasted.
            const files = new FormData(event.currentTarget).getAll('file');
            if (files.some((f) => f instanceof File && f.size > maxMb * 1024 * 1024)) {
              event.preventDefault();
              setTooBig(true);
            } else setTooBig(false);
          }}
          className="mt-2 grid gap-2 rounded bg-slate-50 p-3 sm:grid-cols-2"
        >
          <input type="hidden" name="resultId" value={resultId} />
          {/* Uncontrolled, so a reset after a save leaves it on the kind just used. */}
          <SelectField
            key={`kind-${added}`}
            id={id('kind')}
            name="kind"
            label={t('evidenceKind')}
            defaultValue={kind}
            onChange={(ev) => setKind(ev.target.value as typeof kind)}
          >
            {(['FILE', 'LINK', 'NOTE'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <Field
            id={id('title')}
            name="title"
            label={t('evidenceTitle')}
            required
            maxLength={200}
          />
          <Field id={id('from')} name="periodFrom" type="date" label={t('periodFrom')} />
          <Field id={id('to')} name="periodTo" type="date" label={t('periodTo')} />
          {/* Asked for once the server warned that the period lies outside the year. */}
          {state.status === 'error' &&
          (state.fieldErrors?.periodReason || state.values?.periodReason !== undefined) ? (
            <TextAreaField
              id={id('periodReason')}
              name="periodReason"
              label={t('periodReason')}
              hint={t('periodReasonHint')}
              maxLength={1000}
              rows={2}
              className="sm:col-span-2"
            />
          ) : null}
          {kind === 'FILE' ? (
            // Files may be dropped here as well as chosen; several at once become several items.
            <div
              data-testid={`drop-${resultId}`}
              className={`rounded border-2 border-dashed p-2 sm:col-span-2 ${dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300'}`}
              onDragOver={(event) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(event) => {
                event.preventDefault();
                setDragging(false);
                const input = formRef.current?.elements.namedItem('file');
                if (event.dataTransfer.files.length && input instanceof HTMLInputElement) {
                  input.files = event.dataTransfer.files;
                  mark(unsavedKey, true);
                }
              }}
            >
              <FileField
                id={id('file')}
                name="file"
                label={t('file', { max: maxMb })}
                hint={tEvidence('dropHint')}
                required
                multiple
                accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx"
              />
            </div>
          ) : kind === 'LINK' ? (
            <Field
              id={id('url')}
              name="url"
              type="url"
              label={t('url')}
              required
              className="sm:col-span-2"
            />
          ) : (
            <TextAreaField
              id={id('note')}
              name="note"
              label={t('evidenceNote')}
              required
              maxLength={4000}
              rows={3}
              className="sm:col-span-2"
            />
          )}
          <div className="flex items-center gap-3 sm:col-span-2">
            <SubmitButton variant="secondary">
              {pending
                ? percent !== null && percent < 100
                  ? tEvidence('uploading', { percent })
                  : percent === 100
                    ? tEvidence('serverSaving')
                    : t('uploading')
                : t('add')}
            </SubmitButton>
            <span
              aria-live="polite"
              className={`text-sm ${tooBig || state.status === 'error' ? 'text-rose-700' : 'text-emerald-700'}`}
            >
              {tooBig
                ? tooLarge
                : state.status === 'idle' || (dismissed && state.status === 'success')
                  ? ''
                  : state.message}
            </span>
          </div>
        </ActionForm>
      </details>
    </EvidenceSection>
  );
}

/** Whether a form holds anything typed or chosen (its hidden fields and choices aside). */
function hasInput(form: HTMLFormElement): boolean {
  return Array.from(form.elements).some(
    (el) =>
      (el instanceof HTMLInputElement &&
        el.type !== 'hidden' &&
        (el.type === 'file' ? Boolean(el.files?.length) : el.value.trim() !== '')) ||
      (el instanceof HTMLTextAreaElement && el.value.trim() !== ''),
  );
}
