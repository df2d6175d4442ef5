import Database from 'better-sqlite3';

// What the suite's server cannot be told through its API (the signing service's details, time gone by) is written
// into its SQLite database directly.

const databasePath = `data/e2e-${process.env.E2E_PORT ?? 3210}/app.db`;

/** A time as the app's SQLite writer stores it. */
export const storedTime = (date: Date | undefined | null): string | null =>
  date ? date.toISOString().replace('Z', '+00:00') : null;

/** Sets columns of one envelope in the suite's database. */
export function updateEnvelopeColumns(id: string, columns: Record<string, string | null>) {
  const names = Object.keys(columns);
  const db = new Database(databasePath, { timeout: 5_000 });
  try {
    const assignments = names.map((name) => `"${name}" = ?`).join(', ');
    db.prepare(`UPDATE "Envelope" SET ${assignments} WHERE "id" = ?`).run(...names.map((name) => columns[name]), id);
  } finally {
    db.close();
  }
}
