'use client';

import { useActionState, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { formValues } from '@/lib/forms/form-values';
import { postForm } from '@/lib/forms/post-form';

export type Added = ActionResult<{ added: number }>;

/**
 * Sending the evidence form: to the upload route, which streams a file to storage and answers
 * the form's result. Several files chosen (or dropped) at once go one after the other, each its
 * own item titled "<title> (2/3)"; the first refusal stops, keeping that file and the ones after
 * it (`chosen`, to put back in the file field). A refusal (a lost session, no network, a server
 * error) answers an error, not the crash page. `percent` is the upload's progress.
 */
export function useEvidenceUpload(maxMb: number) {
  const tEvidence = useTranslations('evidence');
  const tooLarge = tEvidence('tooLarge', { mb: maxMb });
  const router = useRouter();
  const [percent, setPercent] = useState<number | null>(null);
  const chosen = useRef<File[]>([]);
  /** One upload: the server's own answer when it gave one; else what the status says happened. */
  const sendOne = async (formData: FormData, onProgress: (p: number) => void) => {
    const sent = await postForm<ActionResult>('/api/uploads/evidence', formData, onProgress);
    if (sent.body?.status) return sent.body;
    return {
      status: 'error',
      message:
        sent.status === 413
          ? tooLarge
          : sent.status === 401 || sent.status === 403
            ? tEvidence('signedOut')
            : tEvidence('serverError', { status: sent.status }),
    } satisfies ActionResult;
  };
  // On a refusal the form, what was typed and the files not yet added stay.
  const [state, action, pending] = useActionState(
    async (prev: Added, formData: FormData): Promise<Added> => {
      const files = formData
        .getAll('file')
        .filter((f): f is File => f instanceof File && f.size > 0);
      const values = formValues(formData);
      if (files.some((f) => f.size > maxMb * 1024 * 1024))
        return { status: 'error', message: tooLarge, values, data: prev.data };
      const title = String(formData.get('title') ?? '');
      let added = prev.data?.added ?? 0;
      let done = 0;
      let said: string | undefined;
      const batch = files.length ? files : [null];
      try {
        for (const [i, file] of batch.entries()) {
          // Kept to put back in the file field after a refusal (the form resets after its action).
          chosen.current = files.slice(i);
          const one = new FormData();
          for (const [name, value] of formData.entries())
            if (name !== 'file') one.append(name, value);
          if (file) one.append('file', file);
          if (batch.length > 1) one.set('title', `${title} (${i + 1}/${batch.length})`);
          const answer = await sendOne(one, (p) =>
            setPercent(Math.round((i * 100 + p) / batch.length)),
          );
          if (answer.status !== 'success') {
            if (done) router.refresh();
            return {
              ...answer,
              message:
                batch.length > 1
                  ? tEvidence('batchStopped', {
                      done,
                      total: batch.length,
                      message: answer.message ?? '',
                    })
                  : answer.message,
              values,
              data: { added },
            };
          }
          done += 1;
          added += 1;
          said = answer.message;
        }
        chosen.current = [];
        router.refresh();
        // Counts the items added, so the form can start afresh after each one.
        return {
          status: 'success',
          message: batch.length > 1 ? tEvidence('batchAdded', { count: done }) : said,
          data: { added },
        } as Added;
      } catch {
        if (done) router.refresh();
        return { status: 'error', message: tEvidence('failed'), values, data: { added } };
      } finally {
        setPercent(null);
      }
    },
    { status: 'idle' } as Added,
  );
  return { state, action, pending, percent, chosen };
}
