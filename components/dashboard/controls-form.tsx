'use client';

import Form from 'next/form';
import { usePathname } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { RadioGroup } from '@/components/ui/choice-groups';
import { YearField } from '@/components/ui/options';
import { CopyLinkButton } from '@/components/ui/copy-button';

/** The controls' words, translated on the server (components/dashboard/dashboard-controls.tsx). */
export interface ControlLabels {
  year: string;
  basis: string;
  official: string;
  provisional: string;
  units: string;
  unitsToday: string;
  unitsRecorded: string;
  apply: string;
}

/**
 * A GET form, so every view has its own address. With JavaScript a change applies at once by a
 * client-side navigation: the page keeps its scroll and the control keeps the keyboard focus.
 */
export function ControlsForm({
  year,
  official,
  lineage,
  keep,
  labels: t,
}: {
  year: number;
  official: boolean;
  lineage: boolean;
  keep: Record<string, string | number | undefined>;
  labels: ControlLabels;
}) {
  const path = usePathname();
  const submit = (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
    e.currentTarget.form?.requestSubmit();
  return (
    <Form
      action={path}
      replace
      scroll={false}
      className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm print:hidden"
    >
      {Object.entries(keep).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      <YearField id="dash-year" label={t.year} defaultValue={String(year)} onChange={submit} />
      {(
        [
          [
            'basis',
            official ? 'official' : 'provisional',
            { official: 'official', provisional: 'provisional' },
          ],
          [
            'units',
            lineage ? 'today' : 'recorded',
            { today: 'unitsToday', recorded: 'unitsRecorded' },
          ],
        ] as const
      ).map(([name, value, labels]) => (
        <RadioGroup
          key={name}
          name={name}
          legend={t[name]}
          value={value}
          onChange={submit}
          options={Object.entries(labels).map(([v, label]) => ({ value: v, label: t[label] }))}
        />
      ))}
      <span className="ml-auto">
        <CopyLinkButton />
      </span>
      <noscript>
        <button type="submit" className={buttonClass('secondary')}>
          {t.apply}
        </button>
      </noscript>
    </Form>
  );
}
