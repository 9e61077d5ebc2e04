'use client';

import { useId, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';
import { Button, type ButtonVariant } from './button';

/**
 * A submit button for a step that cannot simply be taken back: it first opens a dialog that says
 * what will happen; only the dialog's own button submits the form. Escape or "Cancel" closes it
 * and focus goes back to the button.
 */
export function ConfirmDialog({
  label,
  message,
  confirmLabel,
  variant = 'primary',
  className,
}: {
  label: React.ReactNode;
  message: React.ReactNode;
  confirmLabel?: React.ReactNode;
  variant?: ButtonVariant;
  className?: string;
}) {
  const t = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const { pending } = useFormStatus();
  const close = () => {
    dialog.current?.close();
    opener.current?.focus();
  };
  const danger = variant === 'danger' || variant === 'dangerLink';
  return (
    <>
      <Button
        ref={opener}
        variant={variant}
        className={className}
        disabled={pending}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto max-w-md rounded-lg border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {t('confirmTitle')}
        </h2>
        <div className="mt-2 text-sm text-slate-700">{message}</div>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {t('cancel')}
          </Button>
          <Button
            type="submit"
            variant={danger ? 'danger' : 'primary'}
            onClick={() => dialog.current?.close()}
          >
            {confirmLabel ?? label}
          </Button>
        </div>
      </dialog>
    </>
  );
}
