import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { getDatabase } from '@/lib/server/db';

/**
 * prisma/schema.prisma builds the client; prisma/migrations builds the database. This test reads
 * the schema with Prisma's own parser (DMMF), introspects the migrated database, and fails on any
 * difference in tables, columns, types, nullability, defaults, enums, keys, indexes or foreign keys.
 */

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; values: { name: string }[] }[];
    indexes: DmmfIndex[];
  };
}

const require = createRequire(import.meta.url);
const wasm = require('@prisma/prisma-schema-wasm') as { get_dmmf: (params: string) => string };
const schema = fs.readFileSync('prisma/schema.prisma', 'utf8');
const dmmf = JSON.parse(
  wasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] })),
) as Dmmf;

const models = dmmf.datamodel.models;
const tableOf = (model: string) => {
  const m = models.find((x) => x.name === model)!;
  return m.dbName ?? m.name;
};
const columnOf = (model: string, field: string) => {
  const f = models.find((x) => x.name === model)!.fields.find((x) => x.name === field)!;
  return f.dbName ?? f.name;
};

function expectedType(f: DmmfField): string {
  if (f.kind === 'enum') return f.isList ? `${f.type}[]` : f.type;
  const native = f.nativeType ? `${f.nativeType[0]}(${f.nativeType[1].join(',')})` : null;
  const base =
    native === null
      ? (
          {
            String: 'text',
            Int: 'int4',
            BigInt: 'int8',
            Float: 'float8',
            Boolean: 'bool',
            DateTime: 'timestamp(3)',
            Json: 'jsonb',
            Bytes: 'bytea',
            Decimal: 'numeric(65,30)',
          } as Record<string, string>
        )[f.type]!
      : native
          .replace(/^VarChar/, 'varchar')
          .replace(/^Char/, 'bpchar')
          .replace(/^Date\(\)$/, 'date');
  return f.isList ? `${base}[]` : base;
}

const sorted = <T>(xs: T[]) => [...xs].sort();

describe('schema.prisma and the migrations agree', async () => {
  const sql = getDatabase().sql;

  it('on tables', async () => {
    const rows = await sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    expect(sorted(rows.map((r) => r.table_name))).toEqual(
      sorted(models.map((m) => m.dbName ?? m.name)),
    );
  });

  it('on columns: names, types, nullability and defaults', async () => {
    const rows = await sql.query<{
      table_name: string;
      column_name: string;
      type: string;
      not_null: boolean;
      has_default: boolean;
    }>(
      `SELECT c.relname AS table_name, a.attname AS column_name,
              CASE WHEN t.typcategory = 'A' THEN format_type(t.typelem, a.atttypmod) || '[]'
                   ELSE format_type(a.atttypid, a.atttypmod) END AS type,
              t.typname AS typname, a.attnotnull AS not_null, a.atthasdef AS has_default
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_type t ON t.oid = a.atttypid
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname <> '_prisma_migrations'`,
    );
    const normalise = (type: string) =>
      type
        .replace(/"/g, '')
        .replace(/^character varying/, 'varchar')
        .replace(/^character\(/, 'bpchar(')
        .replace(/^integer/, 'int4')
        .replace(/^bigint/, 'int8')
        .replace(/^double precision/, 'float8')
        .replace(/^boolean/, 'bool')
        .replace(/^timestamp\((\d)\) without time zone/, 'timestamp($1)')
        .replace(/^public\./, '');
    const actual = rows.map(
      (r) =>
        `${r.table_name}.${r.column_name}: ${normalise(r.type)} ${r.not_null ? 'NOT NULL' : 'NULL'}${r.has_default ? ' DEFAULT' : ''}`,
    );
    const expected = models.flatMap((m) =>
      m.fields
        .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
        .map((f) => {
          // Prisma creates list columns without NOT NULL, and @updatedAt without a database default.
          const notNull = f.isRequired && !f.isList;
          const hasDefault = f.hasDefaultValue && !f.isUpdatedAt;
          return `${m.dbName ?? m.name}.${f.dbName ?? f.name}: ${expectedType(f)} ${notNull ? 'NOT NULL' : 'NULL'}${hasDefault ? ' DEFAULT' : ''}`;
        }),
    );
    expect(sorted(actual)).toEqual(sorted(expected));
  });

  it('on enums and their values', async () => {
    const rows = await sql.query<{ name: string; value: string }>(
      `SELECT t.typname AS name, e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
    );
    const actual = rows.map((r) => `${r.name}: ${r.value}`);
    const expected = dmmf.datamodel.enums.flatMap((e) =>
      e.values.map((v) => `${e.name}: ${v.name}`),
    );
    expect(sorted(actual)).toEqual(sorted(expected));
  });

  it('on primary keys, unique constraints and indexes', async () => {
    const rows = await sql.query<{
      table_name: string;
      columns: string[];
      is_unique: boolean;
      is_primary: boolean;
      is_partial: boolean;
    }>(
      `SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
              ix.indpred IS NOT NULL AS is_partial,
              array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
    );
    const kind = (primary: boolean, unique: boolean) =>
      primary ? 'PRIMARY' : unique ? 'UNIQUE' : 'INDEX';
    const actual = rows.map(
      (r) =>
        `${r.table_name} ${r.is_partial ? 'PARTIAL ' : ''}${kind(r.is_primary, r.is_unique)} (${r.columns.join(', ')})`,
    );
    const expected = [
      ...dmmf.datamodel.indexes.map((ix) => {
        const k = ix.type === 'id' ? 'PRIMARY' : ix.type === 'unique' ? 'UNIQUE' : 'INDEX';
        return `${tableOf(ix.model)} ${k} (${ix.fields.map((f) => columnOf(ix.model, f.name)).join(', ')})`;
      }),
      // Partial indexes, which schema.prisma cannot express: each is named in its model's comment.
      'pack_subscriptions PARTIAL UNIQUE (user_id, province_id, format, cadence)',
    ];
    expect(sorted(actual)).toEqual(sorted(expected));
  });

  it('on foreign keys and their delete rules', async () => {
    const rows = await sql.query<{
      table_name: string;
      columns: string[];
      ref_table: string;
      ref_columns: string[];
      on_delete: string;
    }>(
      `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS ref_table,
              array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns,
              array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS ref_columns,
              c.confdeltype AS on_delete
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'f' AND n.nspname = 'public'`,
    );
    const deleteRule: Record<string, string> = {
      a: 'NoAction',
      r: 'Restrict',
      c: 'Cascade',
      n: 'SetNull',
      d: 'SetDefault',
    };
    const strip = (t: string) => t.replace(/"/g, '');
    const actual = rows.map(
      (r) =>
        `${strip(r.table_name)}(${r.columns.join(', ')}) -> ${strip(r.ref_table)}(${r.ref_columns.join(', ')}) ON DELETE ${deleteRule[r.on_delete]}`,
    );
    const expected = models.flatMap((m) =>
      m.fields
        .filter((f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0)
        .map((f) => {
          const fromRequired = f.relationFromFields!.every(
            (name) => m.fields.find((x) => x.name === name)!.isRequired,
          );
          // Prisma's default: Restrict when the relation is required, SetNull when optional.
          const onDelete = f.relationOnDelete ?? (fromRequired ? 'Restrict' : 'SetNull');
          return `${tableOf(m.name)}(${f.relationFromFields!.map((x) => columnOf(m.name, x)).join(', ')}) -> ${tableOf(f.type)}(${f.relationToFields!.map((x) => columnOf(f.type, x)).join(', ')}) ON DELETE ${onDelete}`;
        }),
    );
    expect(sorted(actual)).toEqual(sorted(expected));
  });
});
