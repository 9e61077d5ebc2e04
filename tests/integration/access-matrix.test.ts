import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverActionPolicy } from '@/lib/actions/policy-map';
import { actions } from '@/lib/permissions';

/** Every exported server action must name the policy entry that guards it. */
describe('server actions and the policy table', async () => {
  const dir = path.resolve('lib/actions');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const serverFiles = files.filter((f) =>
    /^\s*['"]use server['"]/.test(fs.readFileSync(path.join(dir, f), 'utf8')),
  );
  const exported: string[] = [];
  for (const file of serverFiles) {
    const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === 'function') exported.push(`${file.replace(/\.ts$/, '')}#${name}`);
  }

  it('finds the server action files', () => {
    expect(serverFiles.length).toBeGreaterThan(0);
  });

  it.each(exported)('%s has a policy entry', (key) => {
    expect(Object.keys(serverActionPolicy)).toContain(key);
  });

  it('names only real policy actions, and lists no action that does not exist', () => {
    for (const [key, guard] of Object.entries(serverActionPolicy)) {
      expect(exported).toContain(key);
      for (const action of [guard].flat())
        if (action !== 'self' && action !== 'public') expect(actions).toContain(action);
    }
  });
});
