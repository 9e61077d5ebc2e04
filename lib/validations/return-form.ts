/**
 * The return form's contract: a checkbox `item` per criterion returned (its result id as value)
 * and a `reason-<resultId>` beside each. Written by the form (components/assessments/
 * workflow-panel.tsx) and read by the workflow action (lib/actions/assessments.ts) from here, so
 * neither can rename a field alone.
 */
export const returnFields = {
  item: 'item',
  reason: (resultId: number | string) => `reason-${resultId}`,
} as const;

/** The items ticked on a return form, each with its reason; undefined when none is ticked. */
export function readReturnItems(
  formData: FormData,
): { resultId: string; reason: string }[] | undefined {
  if (!formData.has(returnFields.item)) return undefined;
  return formData
    .getAll(returnFields.item)
    .map(String)
    .map((resultId) => ({
      resultId,
      reason: String(formData.get(returnFields.reason(resultId)) ?? ''),
    }));
}
