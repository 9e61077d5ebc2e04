'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import type { ButtonVariant } from './button';
import { ConfirmDialog } from './confirm-dialog';
import { SubmitButton } from './form';

/**
 * One button that runs a server action on a record (revoke, delete, remove), with its hidden
 * fields, an optional confirmation, and the refusal shown beside it.
 */
export function ActionButton({
  action,
  fields,
  label,
  confirm,
  variant = 'dangerLink',
}: {
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
  fields: Record<string, string | number>;
  label: React.ReactNode;
  confirm?: React.ReactNode;
  variant?: ButtonVariant;
}) {
  const [state, dispatch] = useActionState(action, { status: 'idle' });
  return (
    <form action={dispatch} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        <ConfirmDialog label={label} message={confirm} variant={variant} />
      ) : (
        <SubmitButton variant={variant}>{label}</SubmitButton>
      )}
      {state.status === 'error' ? (
        <span role="alert" className="ml-2 text-xs text-rose-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
