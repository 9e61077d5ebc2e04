import './lib/load-env';
import { endDemoMode } from '@/lib/data/settings';
import { systemActor } from '@/lib/data/audit';
import { getDatabase } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrations';
import { demoAccounts } from '@/prisma/seed-data/demo-accounts';
import { runCli } from './cli';

// `npm run demo:end [-- --remove-demo-data]`: a demo installation becomes a real one, for good
// (lib/data/settings.ts endDemoMode). Create a real administrator first (`npm run admin:create`).
await runCli(async () => {
  await applyMigrations(getDatabase().sql);
  const removeData = process.argv.includes('--remove-demo-data');
  const ended = await endDemoMode(
    systemActor('cli:demo:end'),
    demoAccounts.map((a) => a.email),
    { removeData },
  );
  console.log(
    `DEMO ENDED accounts_disabled=${ended.accountsDisabled} demo_assessments_removed=${ended.assessmentsRemoved}`,
  );
  console.log(
    'The demo accounts can no longer sign in, the banner is gone, and ADMIN and MINISTRY accounts must set up two-factor sign-in.',
  );
});
