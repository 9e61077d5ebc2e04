/**
 * Provinces before and after the merger of 1 July 2025, keyed by statistics office code.
 * Since 1/7/2025 there are 34; `wards` is their number of phường (2026 figures, ../shared/DOMAIN.md).
 */

export const MERGER_DATE = '2025-07-01';
export const LAST_DAY_BEFORE_MERGER = '2025-06-30';

export interface CurrentProvince {
  code: string;
  name: string;
  isCity: boolean;
  wards: number;
}

export const currentProvinces: CurrentProvince[] = [
  { code: '01', name: 'Hà Nội', isCity: true, wards: 51 },
  { code: '04', name: 'Cao Bằng', isCity: false, wards: 3 },
  { code: '08', name: 'Tuyên Quang', isCity: false, wards: 7 },
  { code: '11', name: 'Điện Biên', isCity: false, wards: 3 },
  { code: '12', name: 'Lai Châu', isCity: false, wards: 2 },
  { code: '14', name: 'Sơn La', isCity: false, wards: 8 },
  { code: '15', name: 'Lào Cai', isCity: false, wards: 10 },
  { code: '19', name: 'Thái Nguyên', isCity: false, wards: 15 },
  { code: '20', name: 'Lạng Sơn', isCity: false, wards: 4 },
  { code: '22', name: 'Quảng Ninh', isCity: false, wards: 30 },
  { code: '24', name: 'Bắc Ninh', isCity: false, wards: 33 },
  { code: '25', name: 'Phú Thọ', isCity: false, wards: 15 },
  { code: '31', name: 'Hải Phòng', isCity: true, wards: 45 },
  { code: '33', name: 'Hưng Yên', isCity: false, wards: 11 },
  { code: '37', name: 'Ninh Bình', isCity: false, wards: 32 },
  { code: '38', name: 'Thanh Hóa', isCity: false, wards: 19 },
  { code: '40', name: 'Nghệ An', isCity: false, wards: 11 },
  { code: '42', name: 'Hà Tĩnh', isCity: false, wards: 9 },
  { code: '44', name: 'Quảng Trị', isCity: false, wards: 8 },
  { code: '46', name: 'Huế', isCity: true, wards: 21 },
  { code: '48', name: 'Đà Nẵng', isCity: true, wards: 23 },
  { code: '51', name: 'Quảng Ngãi', isCity: false, wards: 9 },
  { code: '52', name: 'Gia Lai', isCity: false, wards: 25 },
  { code: '56', name: 'Khánh Hòa', isCity: false, wards: 16 },
  { code: '66', name: 'Đắk Lắk', isCity: false, wards: 14 },
  { code: '68', name: 'Lâm Đồng', isCity: false, wards: 20 },
  { code: '75', name: 'Đồng Nai', isCity: true, wards: 33 },
  { code: '79', name: 'Hồ Chí Minh', isCity: true, wards: 113 },
  { code: '80', name: 'Tây Ninh', isCity: false, wards: 14 },
  { code: '82', name: 'Đồng Tháp', isCity: false, wards: 20 },
  { code: '86', name: 'Vĩnh Long', isCity: false, wards: 19 },
  { code: '91', name: 'An Giang', isCity: false, wards: 14 },
  { code: '92', name: 'Cần Thơ', isCity: true, wards: 31 },
  { code: '96', name: 'Cà Mau', isCity: false, wards: 9 },
];

/** The 63 provinces that existed until 30/6/2025; the five centrally-run cities are marked. */
export const formerProvinces: { code: string; name: string; isCity: boolean }[] = [
  ['01', 'Hà Nội', true],
  ['02', 'Hà Giang'],
  ['04', 'Cao Bằng'],
  ['06', 'Bắc Kạn'],
  ['08', 'Tuyên Quang'],
  ['10', 'Lào Cai'],
  ['11', 'Điện Biên'],
  ['12', 'Lai Châu'],
  ['14', 'Sơn La'],
  ['15', 'Yên Bái'],
  ['17', 'Hòa Bình'],
  ['19', 'Thái Nguyên'],
  ['20', 'Lạng Sơn'],
  ['22', 'Quảng Ninh'],
  ['24', 'Bắc Giang'],
  ['25', 'Phú Thọ'],
  ['26', 'Vĩnh Phúc'],
  ['27', 'Bắc Ninh'],
  ['30', 'Hải Dương'],
  ['31', 'Hải Phòng', true],
  ['33', 'Hưng Yên'],
  ['34', 'Thái Bình'],
  ['35', 'Hà Nam'],
  ['36', 'Nam Định'],
  ['37', 'Ninh Bình'],
  ['38', 'Thanh Hóa'],
  ['40', 'Nghệ An'],
  ['42', 'Hà Tĩnh'],
  ['44', 'Quảng Bình'],
  ['45', 'Quảng Trị'],
  ['46', 'Thừa Thiên Huế'],
  ['48', 'Đà Nẵng', true],
  ['49', 'Quảng Nam'],
  ['51', 'Quảng Ngãi'],
  ['52', 'Bình Định'],
  ['54', 'Phú Yên'],
  ['56', 'Khánh Hòa'],
  ['58', 'Ninh Thuận'],
  ['60', 'Bình Thuận'],
  ['62', 'Kon Tum'],
  ['64', 'Gia Lai'],
  ['66', 'Đắk Lắk'],
  ['67', 'Đắk Nông'],
  ['68', 'Lâm Đồng'],
  ['70', 'Bình Phước'],
  ['72', 'Tây Ninh'],
  ['74', 'Bình Dương'],
  ['75', 'Đồng Nai'],
  ['77', 'Bà Rịa - Vũng Tàu'],
  ['79', 'Hồ Chí Minh', true],
  ['80', 'Long An'],
  ['82', 'Tiền Giang'],
  ['83', 'Bến Tre'],
  ['84', 'Trà Vinh'],
  ['86', 'Vĩnh Long'],
  ['87', 'Đồng Tháp'],
  ['89', 'An Giang'],
  ['91', 'Kiên Giang'],
  ['92', 'Cần Thơ', true],
  ['93', 'Hậu Giang'],
  ['94', 'Sóc Trăng'],
  ['95', 'Bạc Liêu'],
  ['96', 'Cà Mau'],
].map(([code, name, isCity]) => ({
  code: code as string,
  name: name as string,
  isCity: isCity === true,
}));

export function provinceFullName(name: string, isCity: boolean): string {
  if (name === 'Hồ Chí Minh') return 'Thành phố Hồ Chí Minh';
  return `${isCity ? 'Thành phố' : 'Tỉnh'} ${name}`;
}
