import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportTable } from '@/app/api/exports/[table]/route';
import { GET as briefing } from '@/app/api/reports/briefing/route';
import { db } from '@/lib/server/db';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { expectedSlideCount } from '@/lib/exports/pptx';
import { seed } from '@/prisma/seed';
import { actAs } from '@/tests/support/action-context';
import { makeUser, provinceId } from '@/tests/support/factories';

// The demo data gives every table rows; the exports must repeat the dashboard's numbers.
beforeAll(async () => {
  await seed(db(), { demo: true });
}, 180_000);

const call = (path: string, params: Record<string, string>) =>
  new Request(`http://test${path}?${new URLSearchParams(params)}`);

/** The official dashboard the files must agree with: the nation's, or a province's. */
async function officialView(year = 2026, province: string | null = null) {
  return (await getDashboard(
    { role: 'MINISTRY', provinceId: null, unitId: null },
    {
      provinceId: province ? await provinceId(province) : null,
      year,
      official: true,
      lineage: true,
    },
  ))!;
}

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false })
    .promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i += 1) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  return text;
}

describe('table exports', () => {
  it('the provinces XLSX has the dashboard’s numbers, shares as percentages, a frozen header, filters and an about sheet', async () => {
    const viewer = await makeUser('VIEWER');
    await actAs(viewer.email);
    const response = await exportTable(
      call('/api/exports/provinces', {
        year: '2026',
        basis: 'official',
        units: 'today',
        format: 'xlsx',
      }),
      {
        params: Promise.resolve({ table: 'provinces' }),
      },
    );
    expect(response.status).toBe(200);
    // The name says what the file is: table, scope, year, basis, units, language, data date.
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="kieu-mau_cac-tinh-thanh-pho_toan-quoc_2026_chinh-thuc_don-vi-hien-nay_vi_\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet('Số liệu')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Tỉnh/Thành');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(book.getWorksheet('Thông tin')!.getRow(2).getCell(2).value).toBe('Toàn quốc');

    const view = await officialView();
    const byName = new Map<string, (typeof view.model.provinces)[number]>();
    for (const p of view.model.provinces) byName.set(view.provinces.get(p.provinceId)!.name, p);
    expect(sheet.rowCount - 1).toBe(view.model.provinces.length);
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const p = byName.get(String(row.getCell(1).value))!;
      expect([
        row.getCell(2).value,
        row.getCell(3).value,
        row.getCell(4).value,
        row.getCell(5).value,
      ]).toEqual([
        p.wards,
        p.registered,
        p.counted,
        view.nearMissByProvince.get(p.provinceId) ?? 0,
      ]);
      expect(row.getCell(6).value).toBeCloseTo(p.share!, 10);
      expect(row.getCell(6).numFmt).toBe('0.0%');
    });
    expect(
      await db().auditEvent.count({ where: { action: 'export.table', actorId: viewer.id } }),
    ).toBe(1);
  });

  it('the CSV is UTF-8 with a byte-order mark and the same figures', async () => {
    await actAs((await makeUser('MINISTRY')).email);
    const response = await exportTable(
      call('/api/exports/criteria', { year: '2026', format: 'csv' }),
      { params: Promise.resolve({ table: 'criteria' }) },
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [about, table] = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n\r\n');
    // What the file is comes first: scope, year, basis, units, the data date and the method.
    for (const line of ['Phạm vi,Toàn quốc', 'Năm,2026', 'Số liệu,Chính thức (đã công nhận)'])
      expect(about).toContain(line);
    expect(about).toMatch(/Số liệu đến,.*2026/);
    expect(about).toContain('Cách tính,');
    const lines = table!.trim().split('\r\n');
    expect(lines[0]).toBe('Tiêu chí số,Nội dung,Số phường đạt,Số phường đăng ký,Tỷ lệ đạt (%)');
    const view = await officialView();
    const c4 = view.criteria.find((c) => c.number === 4)!;
    const row4 = lines.find((l) => l.startsWith('4,'))!;
    expect(row4).toBe(
      `4,Trụ sở làm việc đạt chuẩn,${c4.met},${c4.assessed},${Math.round((c4.met / c4.assessed) * 10000) / 100}`,
    );
  });

  it('files of a future year say which year’s figures they carry; each view has its own file name', async () => {
    await actAs((await makeUser('MINISTRY')).email);
    const names = new Set<string>();
    for (const basis of ['official', 'provisional'])
      for (const lang of ['vi', 'en']) {
        const response = await exportTable(
          new Request(
            `http://app.test/api/exports/provinces?year=2029&basis=${basis}&units=today&format=csv`,
            { headers: { cookie: `NEXT_LOCALE=${lang}` } },
          ),
          { params: Promise.resolve({ table: 'provinces' }) },
        );
        const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition')!)![1]!;
        names.add(name);
        expect(name).toContain(`2029-so-lieu-${new Date().getFullYear()}`);
        const text = await response.text();
        expect(text).toContain(
          lang === 'vi'
            ? `2029 (số liệu đến năm ${new Date().getFullYear()})`
            : `2029 (figures as of ${new Date().getFullYear()})`,
        );
      }
    expect(names.size).toBe(4);
  });

  it('a province officer cannot export another province (404), nor can a ward officer export at all', async () => {
    await actAs((await makeUser('PROVINCE', { provinceCode: '40' })).email);
    const foreign = await exportTable(
      call('/api/exports/wards', { province: '38', year: '2026', format: 'csv' }),
      { params: Promise.resolve({ table: 'wards' }) },
    );
    expect(foreign.status).toBe(404);
    const ward = await db().unit.findFirstOrThrow({
      where: { provinceId: await provinceId('38'), validTo: null },
    });
    await actAs((await makeUser('WARD', { unitId: ward.id })).email);
    expect(
      (
        await exportTable(call('/api/exports/provinces', { year: '2026', format: 'csv' }), {
          params: Promise.resolve({ table: 'provinces' }),
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a malformed query with 400', async () => {
    await actAs((await makeUser('VIEWER')).email);
    const bad = await exportTable(call('/api/exports/provinces', { year: '1999', format: 'doc' }), {
      params: Promise.resolve({ table: 'provinces' }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('briefing packs', () => {
  it('the PDF names the province with its diacritics and carries the headline figures', async () => {
    await actAs((await makeUser('VIEWER')).email);
    const started = Date.now();
    const response = await briefing(
      call('/api/reports/briefing', { province: '38', year: '2026', format: 'pdf' }),
    );
    console.log(`briefing PDF (Thanh Hóa): ${Date.now() - started} ms`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(await response.arrayBuffer());
    // The shipped name keeps the source's tone-mark placement ("Hoá").
    expect(text).toContain('Tỉnh Thanh Hoá');
    expect(text).toContain('CHÍNH THỨC');
    const view = await officialView(2026, '38');
    for (const figure of [
      view.model.totals.wards,
      view.model.totals.registered,
      view.model.totals.recognised,
    ])
      expect(text).toContain(String(figure));
    expect(text).toContain('Phường trong phạm vi');
  });

  it("the PDF's map page draws every unit of the province in the page map's colours", async () => {
    await actAs((await makeUser('VIEWER')).email);
    const response = await briefing(
      call('/api/reports/briefing', { province: '38', year: '2026', format: 'pdf' }),
    );
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await response.arrayBuffer()) })
      .promise;
    let mapPage = 0;
    for (let i = 1; i <= doc.numPages && !mapPage; i += 1) {
      const text = (await (await doc.getPage(i)).getTextContent()).items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ');
      if (text.includes('Bản đồ các phường năm 2026')) mapPage = i;
    }
    expect(mapPage).toBeGreaterThan(0);
    // Render the page's drawing operations: one filled path per unit, in the legend's colours.
    const ops = await (await doc.getPage(mapPage)).getOperatorList();
    const fills = new Map<string, number>();
    let colour = '';
    ops.fnArray.forEach((fn, i) => {
      if (fn === pdfjs.OPS.setFillRGBColor) colour = String(ops.argsArray[i]);
      if (fn === pdfjs.OPS.fillStroke || fn === pdfjs.OPS.fill)
        fills.set(colour, (fills.get(colour) ?? 0) + 1);
    });
    const shapes = JSON.parse(
      (await import('node:fs')).readFileSync('prisma/reference/geo/wards/38.topo.json', 'utf8'),
    ) as { objects: { units: { geometries: unknown[] } } };
    const units = shapes.objects.units.geometries.length;
    const filled = [...fills.values()].reduce((a, b) => a + b, 0);
    // Every unit, plus the legend's swatches.
    expect(filled).toBeGreaterThanOrEqual(units);
    const grey = [...fills.entries()].find(([c]) => c === '#d4d4d8' || c === '212,212,216');
    expect(grey?.[1] ?? 0).toBeGreaterThan(units / 2);
  });

  it('the PPTX opens and has the expected slides', async () => {
    await actAs((await makeUser('MINISTRY')).email);
    const response = await briefing(
      call('/api/reports/briefing', { year: '2026', format: 'pptx' }),
    );
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    // 34 provinces in the table, and the national map.
    expect(slides).toHaveLength(expectedSlideCount(34, true));
    // The method note and source travel in every content slide's notes (all but the cover).
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const withMethod = notes.filter(
      (n) => n.includes('Cách tính số liệu') && n.includes('Nguồn: hệ thống Kiểu Mẫu, Bộ Công an.'),
    );
    expect(withMethod).toHaveLength(slides.length - 1);
    const cover = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(cover).toContain('Toàn quốc · 2026');
    // The map slide: 34 provinces, each a custom shape filled with its status colour.
    const slideXml = await Promise.all(slides.map((f) => zip.file(f)!.async('string')));
    const mapSlide = slideXml.find((x) => x.includes('Bản đồ tiến độ các tỉnh'))!;
    expect(mapSlide.match(/<a:custGeom>/g)).toHaveLength(34);
    // The same order as the PDF: cover, headline, chart, then the map.
    const order = slides.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    expect(await zip.file(order[3]!)!.async('string')).toContain('Bản đồ tiến độ các tỉnh');
    // Far islands in framed insets, named; the legend with its counts in dark text.
    expect(mapSlide).toContain('Quần đảo Hoàng Sa');
    expect(mapSlide).toContain('Quần đảo Trường Sa');
    expect(mapSlide).toMatch(/Chậm tiến độ \(\d+\)/);
    // Every text is Vietnamese, tagged so; the forecast line is dashed as on the page.
    for (const xml of slideXml) expect(xml).not.toContain('lang="en-US"');
    expect(mapSlide).toContain('lang="vi-VN"');
    const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    const chartXml = await Promise.all(charts.map((f) => zip.file(f)!.async('string')));
    expect(chartXml.some((x) => x.includes('<a:prstDash val="dash"/>'))).toBe(true);
    expect(await db().auditEvent.count({ where: { action: 'export.briefing' } })).toBeGreaterThan(
      0,
    );
  });
});

describe('one truth in exports', () => {
  const future = new Date().getFullYear() + 3;

  it('the series CSV of a future year carries no actual after the data date', async () => {
    await actAs((await makeUser('VIEWER')).email);
    const response = await exportTable(
      call('/api/exports/series', { year: String(future), format: 'csv' }),
      { params: Promise.resolve({ table: 'series' }) },
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\r\n\r\n')[1]!.trim().split(/\r?\n/).slice(1);
    const thisYear = new Date().getFullYear();
    for (const line of lines) {
      const [year, actual] = line.replace(/^\uFEFF/, '').split(/[;,]/);
      if (Number(year) > thisYear) expect(actual, line).toBe('');
    }
  });

  it('the briefing of a future year says so, and gives the near-miss total', async () => {
    await actAs((await makeUser('VIEWER')).email);
    const response = await briefing(
      call('/api/reports/briefing', { year: String(future), format: 'pdf' }),
    );
    const text = (await pdfText(await response.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toContain(`Năm ${future} chưa đến`);
    const view = await officialView(future);
    expect(text).toContain(`Phường còn thiếu 1–2 tiêu chí (${view.nearMisses.length})`);
    // The appendix: how the figures are counted, and their source.
    expect(text).toContain('Cách tính số liệu');
    expect(text).toContain('Nguồn: hệ thống Kiểu Mẫu, Bộ Công an.');
  });

  it('the PDF ward table prints every column header whole (wrapped, never cut)', async () => {
    await actAs((await makeUser('VIEWER')).email);
    const response = await briefing(
      call('/api/reports/briefing', { province: '38', year: '2026', format: 'pdf' }),
    );
    const text = (await pdfText(await response.arrayBuffer())).replace(/\s+/g, ' ');
    for (const header of [
      'Chưa đến thời gian đánh giá',
      'Hồ sơ của đơn vị cũ',
      'Được công nhận từ năm',
      'Công nhận của đơn vị cũ',
    ])
      expect(text).toContain(header);
  });

  it('the PPTX draws the most-missed criterion at the top, as the page does', async () => {
    await actAs((await makeUser('MINISTRY')).email);
    const response = await briefing(
      call('/api/reports/briefing', { year: '2026', format: 'pptx' }),
    );
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    const bar = await Promise.all(charts.map((f) => zip.file(f)!.async('string'))).then((xs) =>
      xs.find((x) => x.includes('<c:barChart>')),
    );
    expect(bar).toBeDefined();
    const values = [...bar!.matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Number(m[1]));
    // PowerPoint draws the first category at the bottom: the series must end with the lowest.
    expect(values.at(-1)).toBe(Math.min(...values));
    expect(bar).toContain('0&quot;%&quot;');
  });
});

describe('comparison with the year before', () => {
  it('the XLSX holds every province with its change and rank, and the nation last', async () => {
    const viewer = await makeUser('VIEWER');
    await actAs(viewer.email);
    const response = await exportTable(
      call('/api/exports/comparison', { year: '2026', basis: 'official', format: 'xlsx' }),
      { params: Promise.resolve({ table: 'comparison' }) },
    );
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet('Số liệu')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'Tỉnh/Thành',
      'Thứ hạng',
      'Tỷ lệ đạt năm trước',
      'Tỷ lệ đạt',
      'Thay đổi (điểm %)',
      'Thứ hạng năm trước',
      'Tăng/giảm thứ hạng',
      'Còn cần thêm (phường)',
      'Mục tiêu tiếp theo',
      'Năm mục tiêu tiếp theo',
    ]);
    const view = await officialView();
    expect(sheet.rowCount - 1).toBe(view.model.provinces.length + 1);
    // Ranked: the first row is the province with the highest share, ranked 1.
    const best = Math.max(...view.model.provinces.map((p) => p.share ?? -1));
    expect(sheet.getRow(2).getCell(2).value).toBe(1);
    expect(sheet.getRow(2).getCell(4).value).toBeCloseTo(best);
    // Every province's change is its share less last year's, in points.
    for (let r = 2; r <= view.model.provinces.length + 1; r += 1) {
      const row = sheet.getRow(r);
      const [previous, share, change] = [3, 4, 5].map((c) => row.getCell(c).value as number | null);
      if (typeof previous === 'number' && typeof share === 'number')
        expect(change).toBeCloseTo((share - previous) * 100, 1);
    }
    const nation = sheet.getRow(sheet.rowCount);
    expect(nation.getCell(1).value).toBe('Toàn quốc');
    expect(nation.getCell(4).value).toBeCloseTo(view.model.share!);
    expect(nation.getCell(8).value).toBe(view.model.wardsNeeded);
    expect(sheet.getColumn(5).numFmt).toBe('+General;-General;0');
  });
});

describe('data completeness per province', () => {
  it('the XLSX has every province the page lists, the nation last, days as dates; counts agree with the cards', async () => {
    const viewer = await makeUser('VIEWER');
    await actAs(viewer.email);
    const response = await exportTable(
      call('/api/exports/completeness', { year: '2026', basis: 'official', format: 'xlsx' }),
      { params: Promise.resolve({ table: 'completeness' }) },
    );
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet('Số liệu')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Tỉnh/Thành',
      'Số phường',
      'Phường có hồ sơ',
      'Hồ sơ nhập đủ tiêu chí',
      'Tỷ lệ tiêu chí đã nhập',
      'Cập nhật gần nhất',
      'Hồ sơ lâu chưa cập nhật',
    ]);
    const view = await officialView();
    expect(sheet.rowCount - 1).toBe(view.completeness.length + 1);
    const byName = new Map(
      view.model.provinces.map((p) => [view.provinces.get(p.provinceId)!.name, p]),
    );
    let dated = 0;
    for (let r = 2; r < sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const line = byName.get(row.getCell(1).value as string)!;
      // The ward tables it is counted from are the ones the cards add up.
      expect(row.getCell(2).value).toBe(line.wards);
      expect(row.getCell(3).value).toBe(line.registered);
      if (row.getCell(6).value !== null) {
        expect(row.getCell(6).value).toBeInstanceOf(Date);
        dated += 1;
      }
    }
    expect(dated).toBeGreaterThan(0);
    const nation = sheet.getRow(sheet.rowCount);
    expect(nation.getCell(1).value).toBe('Toàn quốc');
    expect(nation.getCell(2).value).toBe(view.model.totals.wards);
    expect(nation.getCell(3).value).toBe(view.model.totals.registered);
    expect(sheet.getColumn(6).numFmt).toBe('dd/mm/yyyy');
  });
});

describe('the official report (Báo cáo, DOCX)', () => {
  /** The document's paragraphs as text, in order (Word splits text into runs). */
  async function docxText(bytes: ArrayBuffer) {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    return { zip, xml, paragraphs, text: paragraphs.join('\n') };
  }

  it('a province report has the decree’s header, numbered parts, the page’s figures, and blanks to sign', async () => {
    await actAs((await makeUser('PROVINCE', { provinceCode: '38' })).email);
    const response = await briefing(
      call('/api/reports/briefing', { province: '38', year: '2026', format: 'docx' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toContain('bao-cao-kieu-mau-38-2026.docx');
    const { zip, xml, paragraphs, text } = await docxText(await response.arrayBuffer());
    // The header block: superior body and issuing body, number left blank; national name, motto,
    // place and a date whose day and month are left blank.
    const province = await db().province.findFirstOrThrow({ where: { code: '38', validTo: null } });
    for (const line of [
      'BỘ CÔNG AN',
      `CÔNG AN ${province.fullName.toUpperCase()}`,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
    ])
      expect(paragraphs).toContain(line);
    expect(text).toMatch(/Số: +\/BC-CAT/);
    expect(text).toMatch(new RegExp(`${province.name}, ngày +tháng +năm \\d{4}`));
    expect(text).toContain(`năm 2026 trên địa bàn ${province.fullName}`);
    // Numbered parts in order, the writer's own part last before the method note.
    const parts = paragraphs.filter((p) => /^[IVX]+\. /.test(p));
    expect(parts).toEqual([
      'I. KẾT QUẢ CHUNG SO VỚI MỤC TIÊU',
      'II. KẾT QUẢ THEO PHƯỜNG',
      'III. CÁC TIÊU CHÍ CÒN YẾU',
      'IV. CÁC PHƯỜNG CÒN THIẾU 1–2 TIÊU CHÍ',
      'V. NHỮNG VIỆC CÒN LẠI ĐẾN MỐC TIẾP THEO',
      'VI. ĐÁNH GIÁ VÀ ĐỀ XUẤT',
    ]);
    // The page's figures: the province's wards and its share, as the dashboard gives them.
    const model = (await officialView(2026, '38')).model;
    expect(text).toContain(new Intl.NumberFormat('vi-VN').format(model.totals.wards));
    // Every ward of the province is a row of part II's table.
    expect(xml.match(/<w:tr[ >]/g)!.length).toBeGreaterThan(model.totals.wards);
    // The chart and the map as pictures; the method note travels with the figures.
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    expect(text).toContain('Cách tính số liệu');
    expect(text).toContain('Nguồn: hệ thống Kiểu Mẫu, Bộ Công an.');
    // Recipients and the signature block, with the signer left to fill.
    expect(paragraphs).toContain('Nơi nhận:');
    expect(paragraphs.some((p) => /^- Lưu: VT, .*\.$/.test(p))).toBe(true);
    expect(paragraphs).toContain('GIÁM ĐỐC');
    // A4 portrait, margins of the decree, Times New Roman; page numbers from page 2, centred.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('Times New Roman');
  });

  it('the national report is issued by the Ministry, in English too', async () => {
    await actAs((await makeUser('MINISTRY')).email);
    const vi = await docxText(
      await (
        await briefing(call('/api/reports/briefing', { year: '2026', format: 'docx' }))
      ).arrayBuffer(),
    );
    expect(vi.paragraphs).toContain('II. KẾT QUẢ THEO TỈNH, THÀNH PHỐ');
    expect(vi.text).toMatch(/Số: +\/BC-BCA-V05/);
    expect(vi.text).toMatch(/Hà Nội, ngày +tháng +năm/);
    expect(vi.paragraphs).toContain('KT. BỘ TRƯỞNG');
    const en = await docxText(
      await (
        await briefing(
          new Request(
            `http://test/api/reports/briefing?${new URLSearchParams({ year: '2026', format: 'docx' })}`,
            { headers: { cookie: 'NEXT_LOCALE=en' } },
          ),
        )
      ).arrayBuffer(),
    );
    expect(en.paragraphs).toContain('REPORT');
    expect(en.paragraphs).toContain('II. RESULTS BY PROVINCE');
    expect(en.paragraphs).toContain('SOCIALIST REPUBLIC OF VIET NAM');
  });
});
