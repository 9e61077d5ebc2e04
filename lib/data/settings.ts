import 'server-only';
import { cache } from 'react';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';

/**
 * Demo mode: the installation holds the demo accounts (with their published password) and the
 * demo data. It is set only by an explicit demo start (`npm start -- --demo`, `db:seed -- --demo`), and
 * every page says so in a banner.
 */
export const isDemoMode = cache(async (): Promise<boolean> => {
  try {
    const row = await db().appSetting.findUnique({ where: { key: 'demo_mode' } });
    return row?.value === 'on';
  } catch {
    return false; // the database is unreachable: the page says so itself
  }
});

export async function setDemoMode(tx: Prisma.TransactionClient, on: boolean): Promise<void> {
  await tx.appSetting.upsert({
    where: { key: 'demo_mode' },
    create: { key: 'demo_mode', value: on ? 'on' : 'off' },
    update: { value: on ? 'on' : 'off', updatedAt: new Date() },
  });
}
