// `npm run user:create -- --email ana@example.com --role admin [--name "Ana Pop"] [--password-stdin]`: adds a person
// who may sign in. Without --password-stdin a one-time password is printed, to be changed at the first sign-in.
import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { newPasswordSchema } from '@/app/lib/auth/passwords/password-rules';
import { createUser } from '@/app/lib/auth/users/create-user';
import { createUserInputSchema } from '@/app/lib/auth/users/user-schemas';
import { describeDatabase, getDatabaseConfig } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { prisma } from '@/app/lib/db/prisma';
import { runCommand } from './run-command';

const USAGE =
  'Usage: npm run user:create -- --email ana@example.com --role viewer|operator|admin [--name "Ana Pop"] [--password-stdin]';

runCommand(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const input = createUserInputSchema.safeParse({ email: values.email, role: values.role, name: values.name });
  if (!input.success) throw new Error(`${input.error.issues.map((issue) => issue.message).join(' ')}\n${USAGE}`);
  let password: string | 'generate' = 'generate';
  if (values['password-stdin']) {
    // The first line of standard input, e.g. `printf '%s' "$PASSWORD" | npm run user:create -- … --password-stdin`.
    const given = newPasswordSchema.safeParse((await text(process.stdin)).split(/\r?\n/)[0]);
    if (!given.success) throw new Error(given.error.issues[0]!.message);
    password = given.data;
  }
  const config = getDatabaseConfig();
  await applyMigrations({ config });
  const result = await createUser({ ...input.data, password });
  if (!result.ok) throw new Error(result.message);
  await recordAuditEntry({
    action: 'user.create',
    actor: { kind: 'system', name: 'npm run user:create' },
    target: { type: 'user', id: result.user.email },
    detail: { role: result.user.role },
  });
  console.log(`Created ${result.user.role} ${result.user.email} in ${describeDatabase(config)}.`);
  if (result.oneTimePassword)
    console.log(
      `One-time password: ${result.oneTimePassword}\nShare it safely; it is shown only now, and must be changed at the first sign-in.`,
    );
  await prisma.$disconnect();
});
