import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prisma as PostgresqlPrisma } from '@/app/generated/prisma/postgresql/client';
import { EnvelopeStatus as PostgresqlEnvelopeStatus } from '@/app/generated/prisma/postgresql/enums';
import { Prisma as SqlitePrisma } from '@/app/generated/prisma/sqlite/client';
import { EnvelopeStatus as SqliteEnvelopeStatus } from '@/app/generated/prisma/sqlite/enums';
import { envelopeDetailSchema } from '@/app/lib/envelopes/envelope-detail-schema';
import { envelopeFiltersSchema } from '@/app/lib/envelopes/envelope-schemas';
import { envelopeSummaryFields } from '@/app/lib/envelopes/envelope-summary-schema';
import {
  DELIVERY_COLUMNS,
  ENVELOPE_COLUMNS,
  EVENT_COLUMNS,
  RECIPIENT_COLUMNS,
  type Columns,
} from '@/app/lib/webhooks/ingest-columns';
import { actionLabel, SIGNING_SERVICE_ACTIONS } from './envelope-actions';
import { ENVELOPE_STATUSES, statusLabel } from './envelope-statuses';

// The lifecycle owns the statuses and actions; the models, the zod schemas, the ingest's column lists and the SQL
// must agree with it. Each test names the place that was left behind when one of them changes alone.

const root = path.resolve(import.meta.dirname, '../../../..');
const sorted = (values: Iterable<string>) => [...values].sort();

describe('the lifecycle, the models and the schemas agree', () => {
  it('has the statuses of the EnvelopeStatus enum in both Prisma models (prisma/schema.prisma)', () => {
    expect(sorted(Object.values(SqliteEnvelopeStatus)), 'SQLite model').toEqual(sorted(ENVELOPE_STATUSES));
    expect(sorted(Object.values(PostgresqlEnvelopeStatus)), 'PostgreSQL model').toEqual(sorted(ENVELOPE_STATUSES));
  });

  it.each(ENVELOPE_STATUSES)('takes the status %s in every zod schema that reads one', (status) => {
    expect(envelopeFiltersSchema.safeParse({ status }).success, 'envelope-schemas.ts').toBe(true);
    expect(envelopeSummaryFields.status.safeParse(status).success, 'envelope-summary-schema.ts').toBe(true);
    expect(envelopeDetailSchema.shape.status.safeParse(status).success, 'envelope-detail-schema.ts').toBe(true);
    expect(statusLabel(status)).toMatch(/^[A-Z]/);
  });

  it('refuses a word that is no status in the zod schemas', () => {
    expect(envelopeFiltersSchema.safeParse({ status: 'voided_nowhere' }).success).toBe(false);
    expect(envelopeSummaryFields.status.safeParse('voided_nowhere').success).toBe(false);
  });

  it('labels every action eSignAnyWhere documents', () => {
    for (const action of SIGNING_SERVICE_ACTIONS) expect(actionLabel(action), action).not.toBe(action);
  });

  it.each([
    ['Envelope', ENVELOPE_COLUMNS, SqlitePrisma.EnvelopeScalarFieldEnum, PostgresqlPrisma.EnvelopeScalarFieldEnum],
    ['Recipient', RECIPIENT_COLUMNS, SqlitePrisma.RecipientScalarFieldEnum, PostgresqlPrisma.RecipientScalarFieldEnum],
    ['Event', EVENT_COLUMNS, SqlitePrisma.EventScalarFieldEnum, PostgresqlPrisma.EventScalarFieldEnum],
    ['Delivery', DELIVERY_COLUMNS, SqlitePrisma.DeliveryScalarFieldEnum, PostgresqlPrisma.DeliveryScalarFieldEnum],
  ])('writes only columns the %s model has (ingest-columns.ts)', (model, columns, sqliteFields, postgresqlFields) => {
    for (const fields of [sqliteFields, postgresqlFields]) {
      const missing = Object.keys(columns).filter((column) => !Object.hasOwn(fields, column));
      expect(missing, `${model} columns the writers name but the model lacks`).toEqual([]);
    }
  });

  it('gives each enum column of the ingest the enum type the model declares (ingest-columns.ts)', () => {
    const schema = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
    const tables: [string, Columns][] = [
      ['Envelope', ENVELOPE_COLUMNS],
      ['Delivery', DELIVERY_COLUMNS],
    ];
    for (const [model, columns] of tables) {
      const block = schema.match(new RegExp(`^model ${model} \\{([\\s\\S]*?)^\\}`, 'm'))?.[1] ?? '';
      for (const line of block.split('\n')) {
        const [field, type] = line.trim().split(/\s+/);
        const enumType = type?.replace('?', '');
        if (!field || !enumType || !/^\w+$/.test(enumType) || !new RegExp(`^enum ${enumType} \\{`, 'm').test(schema))
          continue;
        expect(columns[field as keyof typeof columns], `${model}.${field}`).toBe(`"${enumType}"`);
      }
    }
  });
});

describe('no list of statuses or actions outside the lifecycle', () => {
  // A line naming two statuses (or two of eSignAnyWhere's actions) is a hand-written list: one more status would
  // leave it behind, unless the line says it is a deliberate subset. Tests and the lifecycle itself may name them; the generated Prisma code is its copy of the model.
  const skipped = [/\.test\.tsx?$/, /^app\/generated\//, /^app\/lib\/envelopes\/lifecycle\//, /^app\/testing\//];
  const quoted = (words: readonly string[]) => new RegExp(`['"\`](${words.join('|')})['"\`]`, 'g');

  it.each([
    ['statuses', quoted(ENVELOPE_STATUSES)],
    ['actions', quoted(SIGNING_SERVICE_ACTIONS)],
  ])('finds no line that lists %s by hand in app/ or scripts/', (_kind, pattern) => {
    const offenders: string[] = [];
    for (const file of sourceFiles(['app', 'scripts'])) {
      if (skipped.some((rule) => rule.test(file))) continue;
      readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const named = new Set([...line.matchAll(pattern)].map((match) => match[1]));
          // A deliberate subset (the sandbox's scenario outcomes) says so on its line.
          if (named.size >= 2 && !line.includes('lifecycle: a subset'))
            offenders.push(`${file}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offenders, 'take the list from app/lib/envelopes/lifecycle instead').toEqual([]);
  });
});

function sourceFiles(folders: string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes('node_modules'))
      .map((file) => path.join(folder, file).split(path.sep).join('/')),
  );
}
