// Builds prisma/reference/ from the reference hand-over (../shared/reference by default):
//   node scripts/build-reference.mjs [folder]
// A maintainer's tool, run when the national lists change; the app reads only prisma/reference/.
import fs from 'node:fs';
import path from 'node:path';

const source = path.resolve(process.argv[2] ?? '../shared/reference');
const target = path.resolve('prisma/reference');
const read = (name) => JSON.parse(fs.readFileSync(path.join(source, name), 'utf8'));

const typeCode = { phường: 'phuong', xã: 'xa', 'thị trấn': 'thi_tran', 'đặc khu': 'dac_khu' };
const cell = (v) => {
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header, rows) =>
  [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
const write = (name, text) => {
  fs.writeFileSync(path.join(target, name), text);
  console.log(`${name}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
};
const byCode = (a, b) => a.code.localeCompare(b.code);

/** A list of units as CSV: province, unit and type, then any further columns named in `extra`. */
const unitsCsv = (list, extra = {}) => {
  const provinceFull = new Map(list.provinces.map((p) => [p.code, p.full_name]));
  return csv(
    [
      'province_code',
      'province_name',
      'unit_code',
      'unit_name',
      'unit_type',
      ...Object.keys(extra),
    ],
    [...list.units]
      .sort(byCode)
      .map((u) => [
        u.province_code,
        provinceFull.get(u.province_code),
        u.code,
        u.name,
        typeCode[u.type],
        ...Object.values(extra).map((field) => u[field]),
      ]),
  );
};

const today = read('units-2025.json');
write('units-current.csv', unitsCsv(today));

const changes = [];
for (const u of today.units)
  for (const c of u.type_changes ?? [])
    changes.push([u.code, c.effective_date, typeCode[c.from], typeCode[c.to], c.basis]);
write(
  'unit-type-changes.csv',
  csv(['unit_code', 'effective_date', 'from_type', 'to_type', 'basis'], changes.sort()),
);

const before = read('units-pre2025.json');
write('units-former.csv', unitsCsv(before, { district: 'district_name' }));

fs.copyFileSync(path.join(source, 'lineage.csv'), path.join(target, 'lineage.csv'));
console.log('lineage.csv copied');
console.log(`source commits: today ${today.source.commit}, before ${before.source.commit}`);
