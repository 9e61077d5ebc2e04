import { programmeYears } from '@/lib/domain/progress';

export interface ProvinceOption {
  code: string;
  name: string;
}

/** The <option>s of a province picker: "38 · Thanh Hóa". */
export function ProvinceOptions({ provinces }: { provinces: readonly ProvinceOption[] }) {
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
