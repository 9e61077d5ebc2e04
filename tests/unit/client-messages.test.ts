import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES, clientMessages } from '@/lib/i18n/client-messages';
import vi from '@/lib/i18n/messages/vi.json';

const root = path.resolve(__dirname, '../..');
const sourceDirs = ['app', 'components', 'lib'];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(root, spec.slice(2))
    : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/** Every module that runs in the browser: 'use client' modules and what they import. */
function clientModules(): string[] {
  const files = sourceDirs.flatMap((d) => sources(path.join(root, d)));
  const todo = files.filter((f) => /^\s*['"]use client['"]/.test(fs.readFileSync(f, 'utf8')));
  const seen = new Set<string>();
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from\s+'((?:@\/|\.{1,2}\/)[^']+)'/g)) {
      const target = resolveImport(file, m[1]!);
      if (target) todo.push(target);
    }
  }
  return [...seen];
}

function namespacesUsed(): Set<string> {
  const used = new Set<string>();
  for (const file of clientModules())
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/useTranslations\(([^)]*)\)/g)) {
      const arg = m[1]!.trim();
      // A client module reading the whole catalogue would need all of it: not allowed.
      expect(arg, `${path.relative(root, file)} names no namespace`).toMatch(/^'[^']+'$/);
      used.add(arg.slice(1, -1).split('.')[0]!);
    }
  return used;
}

describe('messages sent to the browser', () => {
  it('are exactly the namespaces client components name', () => {
    expect([...namespacesUsed()].sort()).toEqual([...CLIENT_NAMESPACES].sort());
  });

  it('leave the server-only namespaces out of the page', () => {
    const sent = clientMessages(vi);
    expect(Object.keys(sent).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    expect(sent).not.toHaveProperty('audit');
    expect(sent).not.toHaveProperty('actions');
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(vi).length * 0.8);
  });
});
