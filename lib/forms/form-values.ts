/** What a user typed into a form, kept to show it again after a refusal. */
export type FormValues = Record<string, string | string[]>;

/** Fields never sent back to the browser after a refusal. */
const secretFields = new Set(['password', 'current', 'next', 'confirm']);

/** The form's string fields as typed (several values for a repeated name), without secrets. */
export function formValues(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION') || secretFields.has(key)) continue;
    const all = formData
      .getAll(key)
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.slice(0, 4000));
    if (all.length > 0) out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}
