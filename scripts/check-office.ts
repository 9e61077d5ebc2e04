import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, getDatabase } from '@/lib/server/db';
import { loadReportData } from '@/lib/data/progress/reports';
import { briefingContent } from '@/lib/exports/briefing';
import { briefingPptx } from '@/lib/exports/pptx';
import { briefingDocx } from '@/lib/exports/docx';
import { buildExportTable, exportMeta } from '@/lib/exports/tables';
import { tableToXlsx } from '@/lib/exports/xlsx';
import { formatNumber } from '@/lib/i18n/format';
import { applyMigrations } from '@/lib/server/migrations';
import { seed } from '@/prisma/seed';
import { CliError, runCli } from './cli';

/**
 * `npm run check:office`: builds the national briefing PPTX, the official report (DOCX, national
 * and Thanh Hóa) and the provinces XLSX from the demo
 * (an in-memory database), opens both in LibreOffice (headless, converted to PDF, then to text by
 * poppler's pdftotext) and checks what a leader would look for: the titles, the year, the
 * verdicts, the near-miss count, the map's inset archipelagos and legend counts, and every
 * province's figures; in the report, the decree's header block, the parts, the page numbers from
 * page 2 and the signature block. Prints each check and fails on the first miss. Needs Debian's
 * libreoffice-impress-nogui, -calc-nogui, -writer-nogui and poppler-utils (installed when root).
 */
await runCli(async () => {
  // By package, not by binary: `soffice` exists as soon as one LibreOffice component is installed,
  // and a machine with Calc alone cannot open a PPTX or a DOCX.
  const installed = (pkg: string) =>
    spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg])
      .stdout?.toString()
      .includes('ok installed');
  const packages = [
    'libreoffice-impress-nogui',
    'libreoffice-calc-nogui',
    'libreoffice-writer-nogui',
    'poppler-utils',
  ];
  const missing = packages.filter((pkg) => !installed(pkg));
  if (missing.length > 0 && process.getuid?.() === 0)
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  const still = packages.filter((pkg) => !installed(pkg));
  if (still.length > 0) throw new CliError(`missing: apt-get install ${still.join(' ')}`);

  process.env.DATA_DIR = 'memory://check-office';
  delete process.env.DATABASE_URL;
  const database = getDatabase();
  await applyMigrations(database.sql);
  await seed(database.prisma, { demo: true });
  const scope = { role: 'MINISTRY' as const, provinceId: null, unitId: null };
  const year = new Date().getFullYear();
  const query = { year, basis: 'official' as const, units: 'today' as const };
  const data = (await loadReportData(scope, query))!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-office-'));
  const pptx = path.join(dir, 'briefing.pptx');
  fs.writeFileSync(pptx, await briefingPptx(briefingContent(data, 'vi')));
  // A province whose 2025 milestone has passed: Hồ Chí Minh City, seen in 2025.
  const hcm = (await loadReportData(scope, { ...query, year: 2025, province: '79' }))!;
  const hcmPptx = path.join(dir, 'briefing-79-2025.pptx');
  fs.writeFileSync(hcmPptx, await briefingPptx(briefingContent(hcm, 'vi')));
  const docx = path.join(dir, 'bao-cao.docx');
  fs.writeFileSync(docx, await briefingDocx(briefingContent(data, 'vi'), null));
  const thanhHoa = (await loadReportData(scope, { ...query, province: '38' }))!;
  const thanhHoaDocx = path.join(dir, 'bao-cao-38.docx');
  fs.writeFileSync(
    thanhHoaDocx,
    await briefingDocx(briefingContent(thanhHoa, 'vi'), thanhHoa.province),
  );
  const table = buildExportTable('provinces', data, 'vi')!;
  const xlsx = path.join(dir, 'provinces.xlsx');
  fs.writeFileSync(
    xlsx,
    await tableToXlsx(
      table,
      exportMeta(data, query, 'vi', { title: table.title.vi, key: 'provinces' }),
    ),
  );
  await closeDatabase();

  const text = (file: string) => {
    const started = Date.now();
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      stdio: 'ignore',
      timeout: 180_000,
    });
    const pdf = file.replace(/\.\w+$/, '.pdf');
    const out = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
    console.log(
      `OFFICE opened ${path.basename(file)} in LibreOffice: ${pages} pages, ${Date.now() - started} ms`,
    );
    return out;
  };
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let failures = 0;
  const check = (what: string, ok: boolean) => {
    console.log(`OFFICE ${ok ? 'ok  ' : 'MISS'} ${what}`);
    if (!ok) failures += 1;
  };

  const slides = flat(text(pptx));
  const { model } = data.view;
  check('PPTX title', slides.includes('Báo cáo tiến độ xây dựng Công an phường điển hình'));
  check(`PPTX year ${year}`, slides.includes(`Toàn quốc · ${year}`));
  for (const r of model.milestoneResults)
    check(`PPTX verdict on the ${r.year} milestone`, slides.includes(`mục tiêu ${r.year}`));
  check(
    `PPTX near misses (${data.view.nearMissCount})`,
    slides.includes(
      `Phường còn thiếu 1–2 tiêu chí (${formatNumber(data.view.nearMissCount, 'vi')})`,
    ),
  );
  check(
    'PPTX map insets: Hoàng Sa and Trường Sa',
    slides.includes('Hoàng Sa') && slides.includes('Trường Sa'),
  );
  check('PPTX map legend with counts', /Chậm tiến độ \(\d+\)/.test(slides));

  const city = flat(text(hcmPptx));
  for (const r of hcm.view.model.milestoneResults)
    check(
      `PPTX Hồ Chí Minh City 2025: the ${r.year} milestone ${r.outcome}`,
      city.includes(`${r.outcome === 'met' ? 'Đạt' : 'Không đạt'} mục tiêu ${r.year}`),
    );
  check('PPTX Hồ Chí Minh City map: Côn Đảo in an inset', city.includes('Côn Đảo'));

  const report = text(docx);
  const reportFlat = flat(report);
  for (const line of [
    'BỘ CÔNG AN',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'BÁO CÁO',
    'I. KẾT QUẢ CHUNG SO VỚI MỤC TIÊU',
    'II. KẾT QUẢ THEO TỈNH, THÀNH PHỐ',
    'VI. ĐÁNH GIÁ VÀ ĐỀ XUẤT',
    'Nơi nhận:',
    'KT. BỘ TRƯỞNG',
  ])
    check(`DOCX "${line}"`, reportFlat.includes(line));
  check(
    'DOCX number and date left to fill',
    /Số: +\/BC-BCA-V05/.test(reportFlat) && /Hà Nội, ngày +tháng +năm/.test(reportFlat),
  );
  for (const r of model.milestoneResults)
    check(`DOCX verdict on the ${r.year} milestone`, reportFlat.includes(`mục tiêu ${r.year}`));
  const pages = report.split('\f').filter((p) => p.trim());
  check(
    `DOCX page numbers: none on page 1, "2" atop page 2 (${pages.length} pages)`,
    !/^\s*1\s*$/m.test(pages[0]?.split('\n').slice(0, 2).join('\n') ?? '') &&
      pages[1]?.trim().split('\n')[0]?.trim() === '2',
  );
  const province = flat(text(thanhHoaDocx));
  check(
    'DOCX Thanh Hóa: issued by the provincial police',
    /CÔNG AN TỈNH THANH HO[ÁA]/.test(province),
  );
  check('DOCX Thanh Hóa: its wards, part II', province.includes('II. KẾT QUẢ THEO PHƯỜNG'));

  const sheet = flat(text(xlsx));
  check('XLSX headers', sheet.includes('Tỉnh/Thành') && sheet.includes('Kết luận mốc'));
  check(
    `XLSX year ${year} and basis`,
    sheet.includes(String(year)) && sheet.includes('Chính thức'),
  );
  let rows = 0;
  for (const p of model.provinces) {
    const name = data.view.provinces.get(p.provinceId)!.name;
    const line = new RegExp(`${name}\\s+${p.wards}\\s+${p.registered}\\s+${p.counted}\\b`);
    if (line.test(sheet)) rows += 1;
  }
  check(
    `XLSX rows with the page's wards, registered, counted: ${rows}/${model.provinces.length}`,
    rows === model.provinces.length,
  );
  console.log(`OFFICE files kept in ${dir}`);
  if (failures) throw new CliError(`${failures} office checks missed`);
});
