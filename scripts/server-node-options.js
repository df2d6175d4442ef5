// The Node.js options `npm start` gives the production server when NODE_OPTIONS is not set; prints them.
// Plain JavaScript with no imports beyond Node's own: it runs in package.json's start script, before the server.
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Heap limits keep the server near 250 MB under load: V8 otherwise lets the old generation grow past 400 MB before
 * collecting, and on Node.js 24 lets each young-generation semi-space grow to 64 MB.
 *
 * V8's background threads (Node.js starts four, whatever the machine) leave a core for the server's own thread and
 * the database. On two cores, the four threads' concurrent marking took both cores for about 70 ms every 3-4 s at
 * 100 notifications/s: the notifications' transactions waited behind it (PostgreSQL's p99 31-59 ms on the ingest
 * bench, 21-32 ms with one thread; the ingest throughput the same either way).
 */
export function serverNodeOptions(cores = os.availableParallelism()) {
  const gcThreads = Math.min(4, Math.max(1, cores - 1));
  return `--max-old-space-size=256 --max-semi-space-size=16 --v8-pool-size=${gcThreads}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(serverNodeOptions());
