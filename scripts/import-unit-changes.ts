import './lib/load-env';
import { importTypeChanges } from '@/lib/data/units/unit-imports';
import { parseTypeChanges } from '@/lib/validations/unit-changes-import';
import { runFileImport } from './cli';

// npm run import:unit-changes -- <file.csv> with the header unit_code,effective_date,from_type,to_type[,basis]
await runFileImport(
  'Usage: npm run import:unit-changes -- <file.csv>',
  parseTypeChanges,
  importTypeChanges,
  (result) => [
    `IMPORTED changes=${result.created + result.unchanged} created=${result.created} unchanged=${result.unchanged}`,
  ],
);
