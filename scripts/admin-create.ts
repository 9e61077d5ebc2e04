import './lib/load-env';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { systemActor } from '@/lib/data/audit';
import { upsertAdministrator } from '@/lib/data/accounts/passwords';
import { passwordProblems } from '@/lib/domain/passwords';
import { CliError, runCli } from './cli';

// npm run admin:create -- --email a@b.vn --name "Họ Tên"
// The password comes from ADMIN_PASSWORD, or is asked for on the terminal (not echoed).
await runCli(async () => {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const email = value('--email');
  const name = value('--name');
  if (!email || !name || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new CliError(
      'Usage: npm run admin:create -- --email <email> --name "<full name>"  (password: ADMIN_PASSWORD or prompt)',
    );
  const password = process.env.ADMIN_PASSWORD ?? (await askHidden('Password: '));
  const problems = passwordProblems(password, { email, name });
  if (problems.length > 0)
    throw new CliError(
      `The password is not acceptable: ${problems.join(', ')} (at least 12 characters, not a common or easily guessed password).`,
    );
  const outcome = await upsertAdministrator(systemActor('cli:admin:create'), email, name, password);
  console.log(`ADMIN ${outcome} ${email.toLowerCase()}`);
});

function askHidden(prompt: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new CliError('No terminal to ask for the password: set ADMIN_PASSWORD.');
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
