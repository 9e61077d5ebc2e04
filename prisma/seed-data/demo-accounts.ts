import type { Role } from '@/lib/domain/permissions';

/** Demo accounts: created only with the demo data (the embedded database, or --demo). */
export const DEMO_PASSWORD = 'KieuMau@2025';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  provinceCode?: string;
  /** WARD: the demo ward, by its code (a unit of today). */
  wardCode?: string;
  scopeLabel: string;
}

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@example.vn', name: 'Quản trị hệ thống', role: 'ADMIN', scopeLabel: '' },
  { email: 'thanhtra@example.vn', name: 'Cán bộ Cục V05', role: 'MINISTRY', scopeLabel: '' },
  {
    email: 'thanhhoa@example.vn',
    name: 'Công an tỉnh Thanh Hóa',
    role: 'PROVINCE',
    provinceCode: '38',
    scopeLabel: 'Thanh Hóa',
  },
  {
    email: 'nghean@example.vn',
    name: 'Công an tỉnh Nghệ An',
    role: 'PROVINCE',
    provinceCode: '40',
    scopeLabel: 'Nghệ An',
  },
  {
    email: 'hcm@example.vn',
    name: 'Công an TP Hồ Chí Minh',
    role: 'PROVINCE',
    provinceCode: '79',
    scopeLabel: 'TP Hồ Chí Minh',
  },
  {
    email: 'phuong@example.vn',
    name: 'Công an phường Hạc Thành',
    role: 'WARD',
    provinceCode: '38',
    wardCode: '14797',
    scopeLabel: 'Phường Hạc Thành',
  },
  { email: 'lanhdao@example.vn', name: 'Lãnh đạo Bộ', role: 'VIEWER', scopeLabel: '' },
];
