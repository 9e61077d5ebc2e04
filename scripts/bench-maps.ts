import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { nationalShapes, provinceShapes, type MapShapes } from '@/lib/maps/shapes';
import { runCli } from './cli';

/**
 * The maps' weight against issue 16's budget, in two parts: the outlines, as /api/maps serves
 * them (fetched once per map and version, then kept by the browser), and what each page load
 * carries for a map (per shape: code, colour, category, label and link), raw and gzipped; the
 * heaviest province, and the shapes shipped in the repository. Prints one BENCH line per figure.
 */
await runCli(async () => {
  const size = (text: string) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });
  const weigh = (s: MapShapes) => ({
    outlines: size(JSON.stringify(Object.fromEntries(s.shapes.map((x) => [x.code, x.d])))),
    page: size(
      JSON.stringify(
        s.shapes.map((x) => ({
          code: x.code,
          label: 'Phường Mẫu: Đã công nhận · 22/22',
          colour: '#166534',
          category: 'recognised',
          href: '/wards/00000/2026',
        })),
      ),
    ),
  });
  const kb = (n: number) => (n / 1024).toFixed(1);
  const line = (name: string, w: ReturnType<typeof weigh>) =>
    `BENCH ${name}_outlines_kb=${kb(w.outlines.raw)} ${name}_outlines_gzip_kb=${kb(w.outlines.gzip)} ` +
    `${name}_page_kb=${kb(w.page.raw)} ${name}_page_gzip_kb=${kb(w.page.gzip)}`;
  console.log(line('map_national', weigh(nationalShapes()!)));
  const dir = path.join('prisma', 'reference', 'geo', 'wards');
  let worst = { code: '', w: weigh(nationalShapes()!) };
  let heaviest = 0;
  for (const file of fs.readdirSync(dir)) {
    const code = file.slice(0, 2);
    const w = weigh(provinceShapes(code)!);
    if (w.outlines.gzip > heaviest) [heaviest, worst] = [w.outlines.gzip, { code, w }];
  }
  console.log(`${line('map_province_max', worst.w)} (province ${worst.code})`);
  const shipped = [path.join('prisma', 'reference', 'geo', 'provinces.topo.json')]
    .concat(fs.readdirSync(dir).map((f) => path.join(dir, f)))
    .reduce((sum, f) => sum + fs.statSync(f).size, 0);
  console.log(`BENCH map_shapes_shipped_kb=${kb(shipped)} (budget 6144)`);
});
