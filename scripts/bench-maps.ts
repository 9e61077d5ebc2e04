import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { nationalShapes, provinceShapes, type MapShapes } from '@/lib/maps/shapes';
import { runCli } from './cli';

/**
 * The maps' weight against issue 16's budget: each map as the page draws it (a link, a path and
 * a tooltip per shape), raw and gzipped, the heaviest province, and the shapes shipped in the
 * repository. Prints one BENCH line per figure.
 */
await runCli(async () => {
  const weigh = (s: MapShapes) => {
    const svg = s.shapes
      .map(
        (x) =>
          `<a href="/wards/00000/2026" aria-label="Phường Mẫu: Đã công nhận · 22/22"><path d="${x.d}" fill="#166534" stroke="#64748b" stroke-width="0.4" data-code="${x.code}" data-category="recognised"><title>Phường Mẫu: Đã công nhận · 22/22</title></path></a>`,
      )
      .join('');
    return { raw: Buffer.byteLength(svg), gzip: gzipSync(svg).length };
  };
  const kb = (n: number) => (n / 1024).toFixed(0);
  const national = weigh(nationalShapes()!);
  console.log(
    `BENCH map_national_kb=${kb(national.raw)} map_national_gzip_kb=${kb(national.gzip)}`,
  );
  const dir = path.join('prisma', 'reference', 'geo', 'wards');
  let worst = { code: '', raw: 0, gzip: 0 };
  for (const file of fs.readdirSync(dir)) {
    const code = file.slice(0, 2);
    const w = weigh(provinceShapes(code)!);
    if (w.gzip > worst.gzip) worst = { code, ...w };
  }
  console.log(
    `BENCH map_province_max_kb=${kb(worst.raw)} map_province_max_gzip_kb=${kb(worst.gzip)} (province ${worst.code})`,
  );
  const shipped = [path.join('prisma', 'reference', 'geo', 'provinces.topo.json')]
    .concat(fs.readdirSync(dir).map((f) => path.join(dir, f)))
    .reduce((sum, f) => sum + fs.statSync(f).size, 0);
  console.log(`BENCH map_shapes_shipped_kb=${kb(shipped)} (budget 6144)`);
});
