// Settings both of the process's SQLite connections (Prisma's and the webhook writer's) take.

/**
 * WAL pages before a commit copies them into the database file (SQLite's default: 1,000, about 4 MB). The copy and its
 * fsync run inside whichever commit crosses the mark, on the event loop: under a burst of webhooks that was every few
 * dozen batches. 8,000 pages (about 32 MB of WAL) do it an eighth as often; measured on the ingest bench, about 5 %
 * more notifications per second. The server checkpoints on a thread of its own (sqlite-checkpoint-thread.ts), so the
 * mark is the fallback: scripts, tests, and the server if that thread stops.
 */
export const SQLITE_WAL_AUTOCHECKPOINT_PAGES = 8_000;
