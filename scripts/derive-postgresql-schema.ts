// Derives prisma/postgresql/schema.prisma from the one set of models in prisma/schema.prisma.
// Run by `npm run db:schema`; `--check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SQLITE_SCHEMA_PATH = path.resolve('prisma/schema.prisma');
export const POSTGRESQL_SCHEMA_PATH = path.resolve('prisma/postgresql/schema.prisma');

const HEADER = '// GENERATED from prisma/schema.prisma by `npm run db:schema`. Do not edit: change the models there.\n';

export function derivePostgresqlSchema(sqliteSchema: string): string {
  const withProvider = sqliteSchema.replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  const withOutput = withProvider.replace(
    /output(\s*)=(\s*)"\.\.\/app\/generated\/prisma\/sqlite"/,
    'output$1=$2"../../app/generated/prisma/postgresql"',
  );
  if (withProvider === sqliteSchema || withOutput === withProvider) {
    throw new Error('prisma/schema.prisma no longer has the sqlite provider or client output this script expects');
  }
  const body = withOutput.replace(/^\/\/ The one set of models\.[^\n]*\n(\/\/[^\n]*\n)*/, '');
  return HEADER + body;
}

function main() {
  const expected = derivePostgresqlSchema(readFileSync(SQLITE_SCHEMA_PATH, 'utf8'));
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(POSTGRESQL_SCHEMA_PATH, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== expected) {
      console.error('prisma/postgresql/schema.prisma is stale: run `npm run db:schema`.');
      process.exit(1);
    }
    return;
  }
  mkdirSync(path.dirname(POSTGRESQL_SCHEMA_PATH), { recursive: true });
  writeFileSync(POSTGRESQL_SCHEMA_PATH, expected);
  console.log('Wrote prisma/postgresql/schema.prisma');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
