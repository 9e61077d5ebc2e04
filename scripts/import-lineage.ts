import './lib/load-env';
import { importLineage } from '@/lib/data/units/lineage-imports';
import { parseLineage } from '@/lib/validations/unit-changes-import';
import { runFileImport } from './cli';

// npm run import:lineage -- <file.csv> with the header old_code,new_code,effective_date[,designated]
const started = Date.now();
await runFileImport(
  'Usage: npm run import:lineage -- <file.csv>',
  parseLineage,
  importLineage,
  (result, database) => [
    `designations changed=${result.designationsChanged} database=${database.kind} ms=${Date.now() - started}`,
    `IMPORTED lineage=${result.created + result.unchanged} created=${result.created} unchanged=${result.unchanged}`,
  ],
);
