import { randomBytes } from 'node:crypto';
import { db, getDatabase } from '@/lib/server/db';
import { registerWards } from '@/lib/data/assessments/registration';
import { addEvidence } from '@/lib/data/evidence/evidence';
import { createUser } from '@/lib/data/accounts/users';
import { foldForSearch } from '@/lib/domain/search-text';
import { applyMigrations } from '@/lib/server/migrations';
import { stagedBytes } from '@/lib/files/uploads';
import { seed } from '@/prisma/seed';

/**
 * A process that writes as fast as it can until it is killed: evidence uploads (bytes and row in
 * one transaction) and new users (with their audit events). tests/integration/platform/crashes.test.ts kills
 * it with SIGKILL and checks that nothing was left half-written.
 */
await applyMigrations(getDatabase().sql);
await seed(db(), { demo: false });
const province = await db().province.findFirstOrThrow({ where: { code: '38', validTo: null } });
const code = String(70000 + Math.floor(Math.random() * 9999));
await db().unit.create({
  data: {
    code,
    name: 'Fault',
    fullName: 'Phường Fault',
    type: 'PHUONG',
    provinceId: province.id,
    searchKey: foldForSearch('fault'),
    validFrom: new Date('2025-07-01'),
  },
});
const admin = { role: 'ADMIN' as const, provinceId: null, unitId: null, id: 0 };
const actor = { userId: null, email: 'fault-writer', ip: null };
await registerWards(actor, admin, 2026, [code]);
const result = await db().criterionResult.findFirstOrThrow({
  where: { assessment: { unit: { code } } },
});
console.log('WRITING');
for (let i = 0; ; i += 1) {
  // 1.5 MiB: two pieces, so a kill can fall between them.
  const bytes = new Uint8Array(1536 * 1024);
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
  bytes.set(randomBytes(1024), 100);
  await addEvidence(
    actor,
    admin,
    { resultId: result.id, kind: 'FILE', title: `Tệp ${i}`, note: '' },
    stagedBytes(`f${i}.pdf`, bytes),
    20 * 1024 * 1024,
  );
  await createUser(actor, admin, {
    email: `fault-${i}-${randomBytes(3).toString('hex')}@test.vn`,
    name: 'F',
    role: 'VIEWER',
  });
}
