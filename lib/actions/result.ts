import { z } from 'zod';
import { getTranslations } from 'next-intl/server';
import type { KeysOf } from '@/lib/i18n/message-keys';
import type { FormValues } from '@/lib/forms/form-values';

/** An action's answer, from the `actions` catalogue. */
export type ActionMessage = KeysOf<'actions'>;
type ValidationMessage = KeysOf<'validation'>;

/** The one shape every server action answers with. */
export interface ActionResult<T = undefined> {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: T;
  /** After a refusal: what the user typed, so the form shows it again (secrets left out). */
  values?: FormValues;
  /** Refused because the action is sensitive and the user must prove who they are again first. */
  reauth?: boolean;
}

export const idle: ActionResult = { status: 'idle' };

/**
 * Field errors from a zod failure, each message key translated from the `validation` catalogue
 * with the values its issue carries (a figure's reading names the text and a suggestion).
 */
export async function invalidInput<T = undefined>(error: z.ZodError): Promise<ActionResult<T>> {
  const t = await getTranslations('validation');
  const translate = (issue: z.core.$ZodIssue) =>
    // A zod issue's message is free text: has() checks it names a catalogue entry first.
    t.has(issue.message as ValidationMessage)
      ? t(issue.message as ValidationMessage, (issue as { params?: Record<string, string> }).params)
      : t('invalid');
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (field === undefined) formErrors.push(translate(issue));
    else (fieldErrors[String(field)] ??= []).push(translate(issue));
  }
  return { status: 'error', message: formErrors[0] ?? t('fixFields'), fieldErrors };
}

export async function failure<T = undefined>(
  key: ActionMessage,
  values?: Record<string, string | number>,
): Promise<ActionResult<T>> {
  const t = await getTranslations('actions');
  return { status: 'error', message: t(key, values) };
}

export async function success<T = undefined>(
  key: ActionMessage,
  data?: T,
  values?: Record<string, string | number>,
): Promise<ActionResult<T>> {
  const t = await getTranslations('actions');
  return { status: 'success', message: t(key, values), data };
}

/** Form data as a plain object of strings, for zod. */
export function formObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries())
    if (typeof value === 'string' && !key.startsWith('$ACTION')) out[key] = value;
  return out;
}
