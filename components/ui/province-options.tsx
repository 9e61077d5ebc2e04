export interface ProvinceOption {
  code: string;
  name: string;
}

/** The <option>s of a province picker: "38 · Thanh Hóa". */
export function ProvinceOptions({ provinces }: { provinces: ProvinceOption[] }) {
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
