import { programmeYears } from '@/lib/domain/progress';
import { SelectField } from './form';

export interface ProvinceOption {
  code: string;
  name: string;
}

/** The <option>s of a province picker: "38 · Thanh Hóa". */
function ProvinceOptions({ provinces }: { provinces: readonly ProvinceOption[] }) {
  return (
    <>
      {provinces.map((p) => (
        <option key={p.code} value={p.code}>
          {p.code} · {p.name}
        </option>
      ))}
    </>
  );
}

/** The <option>s of a programme-year picker. */
export function YearOptions({ years = programmeYears }: { years?: readonly number[] }) {
  return (
    <>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </>
  );
}

/** The programme-year picker of a form: a select named `year` with every programme year. */
export function YearField(
  props: Omit<React.ComponentProps<typeof SelectField>, 'name' | 'children'>,
) {
  return (
    <SelectField name="year" {...props}>
      <YearOptions />
    </SelectField>
  );
}

/**
 * A province picker: "38 · Thanh Hóa" for each province, after an optional first "all / national"
 * choice (value ""). Named `province` unless the form posts it under another name.
 */
export function ProvinceField({
  provinces,
  empty,
  name = 'province',
  ...props
}: Omit<React.ComponentProps<typeof SelectField>, 'name' | 'children'> & {
  provinces: readonly ProvinceOption[];
  empty?: React.ReactNode;
  name?: string;
}) {
  return (
    <SelectField name={name} {...props}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      <ProvinceOptions provinces={provinces} />
    </SelectField>
  );
}
