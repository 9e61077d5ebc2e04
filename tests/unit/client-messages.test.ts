import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_NAMESPACES, clientMessages } from '@/lib/i18n/client-messages';
import vi from '@/lib/i18n/messages/vi.json';

const root = path.resolve(__dirname, '../..');

function files(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full, name);
    return name.test(e.name) ? [full] : [];
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

/** Each module read once: whether it is a client module, the namespaces it names, its imports. */
const modules = new Map<string, { client: boolean; names: string[]; imports: string[] }>();
function moduleAt(file: string) {
  let found = modules.get(file);
  if (!found) {
    const text = fs.readFileSync(file, 'utf8');
    found = {
      client: /^\s*['"]use client['"]/.test(text),
      names: [...text.matchAll(/useTranslations\(([^)]*)\)/g)].map((m) => m[1]!.trim()),
      imports: [...text.matchAll(/from\s+'((?:@\/|\.{1,2}\/)[^']+)'/g)].flatMap((m) => {
        const target = resolveImport(file, m[1]!);
        return target ? [target] : [];
      }),
    };
    modules.set(file, found);
  }
  return found;
}

/**
 * The namespaces the client components reached from a route file name: its imports are followed
 * (server modules too, since they render client ones); from a 'use client' module on, every
 * `useTranslations('…')` counts, as that code runs in the browser.
 */
function clientNamespaces(entry: string): Set<string> {
  const used = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const mod = moduleAt(file);
    const client = inClient || mod.client;
    if (seen.has(`${client}:${file}`)) return;
    seen.add(`${client}:${file}`);
    if (client)
      for (const arg of mod.names) {
        // A client module reading the whole catalogue would need all of it: not allowed.
        expect(arg, `${path.relative(root, file)} names no namespace`).toMatch(/^'[^']+'$/);
        used.add(arg.slice(1, -1).split('.')[0]!);
      }
    for (const target of mod.imports) visit(target, client);
  };
  visit(entry, false);
  return used;
}

/** What a page sends beyond the shell: the list given to withClientMessages, if any. */
function declared(page: string): string[] {
  const m = /withClientMessages\(\w+,\s*\[([^\]]*)\]\)/.exec(fs.readFileSync(page, 'utf8'));
  return m ? [...m[1]!.matchAll(/'([^']+)'/g)].map((x) => x[1]!).sort() : [];
}

const rel = (f: string) => path.relative(root, f);
const shell = new Set<string>(SHELL_NAMESPACES);

describe('messages sent to the browser', () => {
  it('give each page the namespaces its client components name, and no others', () => {
    const pages = files(path.join(root, 'app'), /^page\.tsx$/);
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const needed = [...clientNamespaces(page)].filter((n) => !shell.has(n)).sort();
      expect(declared(page), rel(page)).toEqual(needed);
    }
  });

  it('give the shell (layouts, error and loading pages) only the shell namespaces', () => {
    const shellFiles = files(path.join(root, 'app'), /^(layout|error|not-found|loading)\.tsx$/);
    const used = new Set(shellFiles.flatMap((f) => [...clientNamespaces(f)]));
    for (const n of used) expect(shell, `${n} is used by the shell`).toContain(n);
    // And every shell namespace is used by some page or the shell itself.
    const pages = files(path.join(root, 'app'), /^page\.tsx$/);
    const all = new Set([...used, ...pages.flatMap((p) => [...clientNamespaces(p)])]);
    for (const n of SHELL_NAMESPACES) expect(all, `${n} is used nowhere`).toContain(n);
  });

  it('leave the server-only namespaces and other pages out', () => {
    const sent = clientMessages(vi, ['dashboard']);
    expect(Object.keys(sent).sort()).toEqual([...SHELL_NAMESPACES, 'dashboard'].sort());
    expect(sent).not.toHaveProperty('audit');
    expect(sent).not.toHaveProperty('sheet');
    expect(JSON.stringify(clientMessages(vi)).length).toBeLessThan(JSON.stringify(vi).length / 10);
  });
});
