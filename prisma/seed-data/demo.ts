import { currentProvinces } from './provinces';

/**
 * Demo wards and assessments, built as plain data from a fixed pseudo-random sequence so every
 * seed produces the same database. Unit codes are placeholders in the 9xxxx range, which the
 * statistics office does not use, so importing the real national list never collides with them.
 * Names are real where we know them; the rest read "Phường Mẫu …" and are flagged as samples.
 * Which old wards merged into which new ones is illustrative, not the official lineage.
 */

export type DemoResultState = 'NOT_ASSESSED' | 'IN_PROGRESS' | 'MET' | 'NOT_MET' | 'NOT_DUE';
export type DemoStatus =
  'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'PROPOSED' | 'INSPECTING' | 'RECOGNISED' | 'NOT_RECOGNISED';

export interface DemoUnit {
  code: string;
  name: string;
  provinceCode: string;
  /** Old units belong to the provinces before 1/7/2025 and end on 30/6/2025. */
  isFormer: boolean;
  isSample: boolean;
}

export interface DemoLineage {
  oldCode: string;
  newCode: string;
}

export interface DemoAssessment {
  unitCode: string;
  year: number;
  status: DemoStatus;
  /** Criterion number → state; criteria left out are not assessed. */
  states: Record<number, DemoResultState>;
  decision?: { number: string; date: string };
}

const knownWards: Record<string, string[]> = {
  '01': [
    'Hoàn Kiếm',
    'Cửa Nam',
    'Ba Đình',
    'Ngọc Hà',
    'Giảng Võ',
    'Hai Bà Trưng',
    'Vĩnh Tuy',
    'Bạch Mai',
    'Đống Đa',
    'Kim Liên',
    'Văn Miếu - Quốc Tử Giám',
    'Láng',
    'Ô Chợ Dừa',
    'Hồng Hà',
    'Tây Hồ',
    'Cầu Giấy',
    'Nghĩa Đô',
    'Yên Hòa',
    'Thanh Xuân',
    'Hoàng Mai',
    'Long Biên',
    'Bồ Đề',
    'Hà Đông',
  ],
  '19': ['Phan Đình Phùng', 'Bắc Kạn', 'Đức Xuân'],
  '38': [
    'Hạc Thành',
    'Quảng Phú',
    'Đông Quang',
    'Đông Sơn',
    'Đông Tiến',
    'Hàm Rồng',
    'Nguyệt Viên',
    'Sầm Sơn',
    'Nam Sầm Sơn',
    'Bỉm Sơn',
    'Quang Trung',
    'Ngọc Sơn',
    'Tân Dân',
    'Hải Lĩnh',
    'Tĩnh Gia',
    'Đào Duy Từ',
    'Hải Bình',
    'Trúc Lâm',
    'Nghi Sơn',
  ],
  '40': [
    'Trường Vinh',
    'Thành Vinh',
    'Vinh Hưng',
    'Vinh Phú',
    'Vinh Lộc',
    'Cửa Lò',
    'Hoàng Mai',
    'Tân Mai',
    'Quỳnh Mai',
    'Thái Hòa',
    'Tây Hiếu',
  ],
  '46': [
    'Thuận Hóa',
    'Phú Xuân',
    'Kim Long',
    'Vỹ Dạ',
    'Thủy Xuân',
    'An Cựu',
    'Hương Thủy',
    'Phú Bài',
  ],
  '48': [
    'Hải Châu',
    'Hòa Cường',
    'Thanh Khê',
    'An Khê',
    'An Hải',
    'Sơn Trà',
    'Ngũ Hành Sơn',
    'Hòa Khánh',
    'Liên Chiểu',
    'Cẩm Lệ',
    'Hòa Xuân',
    'Tam Kỳ',
    'Hội An',
  ],
  '79': [
    'Sài Gòn',
    'Tân Định',
    'Bến Thành',
    'Cầu Ông Lãnh',
    'Bàn Cờ',
    'Xuân Hòa',
    'Nhiêu Lộc',
    'Chợ Quán',
    'An Đông',
    'Chợ Lớn',
    'Gia Định',
    'Bình Thạnh',
    'Gò Vấp',
    'Phú Nhuận',
    'Tân Sơn Nhất',
    'Tân Bình',
    'Tân Phú',
    'Thủ Đức',
    'Bình Tân',
    'Cát Lái',
  ],
};

/** Old wards with real names, and the new ward each is shown under (illustrative). */
const knownFormerWards: { provinceCode: string; name: string; successor: string }[] = [
  { provinceCode: '38', name: 'An Hưng', successor: 'Đông Quang' },
  { provinceCode: '38', name: 'Đông Hương', successor: 'Đông Quang' },
  { provinceCode: '38', name: 'Điện Biên', successor: 'Hạc Thành' },
  { provinceCode: '38', name: 'Lam Sơn', successor: 'Hạc Thành' },
  { provinceCode: '38', name: 'Quảng Thắng', successor: 'Quảng Phú' },
  { provinceCode: '06', name: 'Đức Xuân', successor: 'Đức Xuân' },
  { provinceCode: '06', name: 'Nguyễn Thị Minh Khai', successor: 'Đức Xuân' },
  { provinceCode: '06', name: 'Phùng Chí Kiên', successor: 'Bắc Kạn' },
  { provinceCode: '06', name: 'Sông Cầu', successor: 'Bắc Kạn' },
  ...[
    'Hưng Bình',
    'Hưng Phúc',
    'Hưng Dũng',
    'Lê Mao',
    'Lê Lợi',
    'Quang Trung',
    'Cửa Nam',
    'Đội Cung',
    'Trường Thi',
    'Hồng Sơn',
    'Đông Vĩnh',
    'Hà Huy Tập',
    'Bến Thủy',
    'Trung Đô',
    'Vinh Tân',
    'Quán Bàu',
  ].map((name, i) => ({
    provinceCode: '40',
    name,
    successor: ['Trường Vinh', 'Thành Vinh', 'Vinh Hưng', 'Vinh Phú', 'Vinh Lộc'][i % 5]!,
  })),
];

/** mulberry32: a small, fixed pseudo-random sequence. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How likely each criterion is to be missed: the headquarters one (4) most of all. */
function missWeight(criterion: number): number {
  if (criterion === 4) return 0.22;
  if (criterion === 5) return 0.12;
  if (criterion === 22) return 0.08;
  if (criterion === 11 || criterion === 21) return 0.06;
  return 0.02;
}

const all22 = Array.from({ length: 22 }, (_, i) => i + 1);
const allMet = (): Record<number, DemoResultState> =>
  Object.fromEntries(all22.map((n) => [n, 'MET']));

export interface DemoData {
  units: DemoUnit[];
  lineage: DemoLineage[];
  assessments: DemoAssessment[];
}

export function buildDemo(): DemoData {
  const rnd = random(20230713);
  const units: DemoUnit[] = [];
  const lineage: DemoLineage[] = [];
  const assessments: DemoAssessment[] = [];
  let nextNew = 90001;
  let nextOld = 95001;
  const newCodeByName = new Map<string, string>();

  // Today's wards: the real count per province.
  const newWardsByProvince = new Map<string, DemoUnit[]>();
  for (const province of currentProvinces) {
    const known = knownWards[province.code] ?? [];
    const list: DemoUnit[] = [];
    for (let i = 0; i < province.wards; i += 1) {
      const name = known[i] ?? `Mẫu ${String(i + 1 - known.length).padStart(2, '0')}`;
      const unit: DemoUnit = {
        code: String(nextNew++),
        name,
        provinceCode: province.code,
        isFormer: false,
        isSample: known[i] === undefined,
      };
      list.push(unit);
      newCodeByName.set(`${province.code}/${name}`, unit.code);
    }
    newWardsByProvince.set(province.code, list);
    units.push(...list);
  }

  // Former wards, with history before the merger.
  const formerByProvince = new Map<string, DemoUnit[]>();
  const addFormer = (
    provinceCode: string,
    name: string,
    isSample: boolean,
    successorCode: string,
  ) => {
    const unit: DemoUnit = {
      code: String(nextOld++),
      name,
      provinceCode,
      isFormer: true,
      isSample,
    };
    units.push(unit);
    lineage.push({ oldCode: unit.code, newCode: successorCode });
    formerByProvince.set(provinceCode, [...(formerByProvince.get(provinceCode) ?? []), unit]);
    return unit;
  };
  for (const w of knownFormerWards) {
    const successorProvince = w.provinceCode === '06' ? '19' : w.provinceCode;
    addFormer(
      w.provinceCode,
      w.name,
      false,
      newCodeByName.get(`${successorProvince}/${w.successor}`)!,
    );
  }
  for (const province of currentProvinces) {
    if (formerByProvince.has(province.code)) continue;
    const successors = newWardsByProvince.get(province.code)!;
    for (let i = 0; i < 2; i += 1)
      addFormer(province.code, `Mẫu cũ ${i + 1}`, true, successors[i % successors.length]!.code);
  }

  const randomStates = (missBoost: number): Record<number, DemoResultState> => {
    const states = allMet();
    for (const n of all22) if (rnd() < missWeight(n) * missBoost) states[n] = 'NOT_MET';
    return states;
  };
  let decisionSeq = 1;
  const decide = (year: number, month: number) => ({
    number: `${String(decisionSeq++).padStart(4, '0')}/QĐ-BCA (mẫu)`,
    date: `${year}-${String(month).padStart(2, '0')}-15`,
  });
  const closeYear = (unitCode: string, year: number, states: Record<number, DemoResultState>) => {
    const attained = all22.every((n) => states[n] === 'MET');
    assessments.push({
      unitCode,
      year,
      states,
      status: attained ? 'RECOGNISED' : 'NOT_RECOGNISED',
      decision: attained ? decide(year + 1, 1) : undefined,
    });
  };

  // 2023: the results reported that year (../shared/DOMAIN.md), then one ward per province.
  const former = (province: string, name: string) =>
    formerByProvince.get(province)!.find((u) => u.name === name)!;
  const anHung = former('38', 'An Hưng');
  const ducXuan = former('06', 'Đức Xuân');
  const anHungStates = allMet();
  for (const n of [1, 6, 15, 22]) anHungStates[n] = 'NOT_DUE';
  assessments.push({
    unitCode: anHung.code,
    year: 2023,
    status: 'INSPECTING',
    states: anHungStates,
  });
  assessments.push({
    unitCode: ducXuan.code,
    year: 2023,
    status: 'NOT_RECOGNISED',
    states: { ...allMet(), 4: 'NOT_MET' },
  });
  for (const unit of formerByProvince.get('40')!)
    assessments.push({
      unitCode: unit.code,
      year: 2023,
      status: 'NOT_RECOGNISED',
      states: { ...allMet(), 22: 'NOT_MET' },
    });
  for (const province of currentProvinces) {
    if (['38', '40', '19'].includes(province.code)) continue;
    closeYear(formerByProvince.get(province.code)![0]!.code, 2023, randomStates(1.5));
  }

  // 2024: the 2023 wards again, plus a second ward per province.
  closeYear(anHung.code, 2024, allMet());
  closeYear(ducXuan.code, 2024, allMet());
  for (const unit of formerByProvince.get('40')!) closeYear(unit.code, 2024, randomStates(0.6));
  for (const province of currentProvinces) {
    if (['38', '40', '19'].includes(province.code)) continue;
    for (const unit of formerByProvince.get(province.code)!)
      closeYear(unit.code, 2024, randomStates(1));
  }
  closeYear(former('38', 'Lam Sơn').code, 2024, randomStates(1));

  // 2025 and 2026: today's wards. Each province moves at its own pace; Hồ Chí Minh City aims
  // at 40% by 2025. Wards recognised in 2025 keep their standard (duy trì) in 2026.
  const pace = (code: string) => (code === '79' ? 0.42 : code === '33' ? 0.5 : 0.15 + rnd() * 0.35);
  for (const province of currentProvinces) {
    const wards = newWardsByProvince.get(province.code)!;
    const share2025 = pace(province.code);
    const registered2025 = Math.max(1, Math.round(wards.length * share2025));
    const recognised2025 = new Set<string>();
    wards.slice(0, registered2025).forEach((ward) => {
      const states = rnd() < 0.78 ? allMet() : randomStates(2);
      closeYear(ward.code, 2025, states);
      if (all22.every((n) => states[n] === 'MET')) recognised2025.add(ward.code);
    });
    const registered2026 = Math.min(
      wards.length,
      registered2025 + Math.max(1, Math.round(wards.length * (0.1 + rnd() * 0.25))),
    );
    wards.slice(0, registered2026).forEach((ward, i) => {
      if (recognised2025.has(ward.code) && rnd() < 0.9) {
        // Maintenance: already recognised, re-assessed this year; most are confirmed.
        const states = rnd() < 0.85 ? allMet() : randomStates(1);
        const attained = all22.every((n) => states[n] === 'MET');
        assessments.push({
          unitCode: ward.code,
          year: 2026,
          states,
          status: attained ? 'RECOGNISED' : 'SUBMITTED',
          decision: attained ? decide(2026, 10) : undefined,
        });
        return;
      }
      // In progress this year: a mix of stages, some criteria not yet due before year end.
      const stage = (
        ['DRAFT', 'DRAFT', 'SUBMITTED', 'RETURNED', 'PROPOSED', 'INSPECTING'] as const
      )[(i + Math.floor(rnd() * 6)) % 6]!;
      const states = randomStates(1);
      for (const n of [1, 6, 22]) if (rnd() < 0.6) states[n] = 'NOT_DUE';
      if (stage === 'DRAFT') for (const n of all22) if (rnd() < 0.3) delete states[n];
      if (stage === 'DRAFT')
        for (const n of all22) if (states[n] === 'MET' && rnd() < 0.1) states[n] = 'IN_PROGRESS';
      assessments.push({ unitCode: ward.code, year: 2026, status: stage, states });
    });
  }

  return { units, lineage, assessments };
}
