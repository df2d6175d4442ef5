import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

// A database kept by BENCH_KEEP_DATABASES=1 is filled again by the next run unless BENCH_REUSE_DATABASES=1: at
// 2,500,000 envelopes the fill and the fold take most of an hour, the pages a few minutes. What the report and the
// scenarios need of the fill is kept in a record beside it (data/bench/…fill.json).

const keptFillSchema = z.object({
  total: z.number().int(),
  now: z.iso.datetime().transform((value) => new Date(value)),
  detailIndex: z.number().int(),
  fill: z.object({
    envelopes: z.number(),
    recipients: z.number(),
    events: z.number(),
    deliveries: z.number(),
    documents: z.number(),
    documentBytes: z.number(),
    seconds: z.number(),
    rollupSeconds: z.number(),
  }),
});

export type KeptFill = z.output<typeof keptFillSchema>;

/** Where the fill of a kept database is described (a SQLite file's beside it). */
export const keptFillPath = (databaseName: string): string => `${databaseName}.fill.json`;

/** The kept fill of this size, or null when there is none to reuse (another size, or never kept). */
export function readKeptFill(databaseName: string, total: number): KeptFill | null {
  const file = keptFillPath(databaseName);
  if (!existsSync(file)) return null;
  const kept = keptFillSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return kept.success && kept.data.total === total ? kept.data : null;
}

export function writeKeptFill(databaseName: string, kept: KeptFill) {
  writeFileSync(keptFillPath(databaseName), `${JSON.stringify({ ...kept, now: kept.now.toISOString() }, null, 2)}\n`);
}
