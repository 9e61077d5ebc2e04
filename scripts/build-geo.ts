import fs from 'node:fs';
import path from 'node:path';
import { topology } from 'topojson-server';
import type { FeatureCollection } from 'geojson';
import { runCli } from './cli';

/**
 * Builds the map shapes the app ships (prisma/reference/geo) from the simplified GeoJSON of
 * ../shared/reference (MIT): TopoJSON, so shared borders are stored once, quantised to a grid
 * of 10,000 steps per axis (about 1 m at a province's scale, 100 m nationally). Run again only
 * when the reference shapes change:
 *
 *   npx tsx scripts/build-geo.ts ../shared/reference
 */
await runCli(async () => {
  const source = process.argv[2] ?? '../shared/reference';
  const out = path.resolve('prisma/reference/geo');
  fs.mkdirSync(path.join(out, 'wards'), { recursive: true });
  const write = (file: string, name: string, input: string, q: number) => {
    const fc = JSON.parse(fs.readFileSync(input, 'utf8')) as FeatureCollection;
    for (const f of fc.features)
      f.properties = { code: f.properties?.code, name: f.properties?.name };
    const topo = topology({ [name]: fc }, q);
    fs.writeFileSync(file, JSON.stringify(topo));
    return fs.statSync(file).size;
  };
  let total = write(
    path.join(out, 'provinces.topo.json'),
    'provinces',
    path.join(source, 'provinces-34.geo.json'),
    1e5,
  );
  const dir = path.join(source, 'wards-geo');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.geo.json'))) {
    const code = file.slice(0, 2);
    total += write(
      path.join(out, 'wards', `${code}.topo.json`),
      'units',
      path.join(dir, file),
      1e4,
    );
  }
  console.log(`Map shapes: ${(total / 1024).toFixed(0)} KB in prisma/reference/geo`);
});
