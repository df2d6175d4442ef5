import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind } from './bench-databases';
import type { ThroughputResult } from './closed-loop-throughput';
import type { PeakMemory } from './memory-sampler';
import type { LatencyResult } from './open-loop-latency';
import { roundTo } from './statistics';

export type DatabaseBenchResult = {
  database: DatabaseKind;
  ingest: ThroughputResult;
  doNothing: ThroughputResult;
  /** Ingest throughput as a share of the do-nothing route's on the same server: what storing costs. */
  ingestToDoNothingPercent: number;
  latency: LatencyResult;
  /** The same open loop on the do-nothing route: the machine's and server's own tail, before any storing. */
  doNothingLatency: LatencyResult;
  /**
   * The server's CPU time per request over each open loop (all its processes and threads, not the database's): what
   * a notification costs next to a request that does nothing, measured at the same rate.
   */
  cpuPerRequestMs: { ingest: number; doNothing: number };
  peakMemory: PeakMemory;
  /** Lines on the server's stderr during the run; the app logs every delivery it could not store there. */
  serverStderrLines: number;
  /** One-minute load average before the run: other work on the machine skews the figures. */
  loadAverageBefore: number;
  /**
   * The run's one subscription: events of the ingest measurement its local sink received, at what rate (from the start
   * of that load to the last one), and how long after the load the last one came.
   */
  webhooksOut: { delivered: number; perSecond: number; drainSeconds: number };
};

export type BenchSettings = {
  connections: number;
  throughputSeconds: number;
  warmUpSecondsPerRoute: number;
  openLoopRatePerSecond: number;
  openLoopSeconds: number;
  envelopes: number;
};

// For comparison only: the bench reports figures and never passes or fails a run.
export const TARGETS = { ingestToDoNothingPercentAtLeast: 60, p99MsBelow: 50, peakMemoryMbBelow: 400 };

export const RESULTS_FILE = 'data/bench/ingest-results.json';

const NOISE_NOTE =
  "Figures come from one run on this machine, with the load generator sharing the server's cores: they vary from " +
  'run to run, more so when other work is running (see the load average), and compare only with runs on the same ' +
  'machine.';

type Row = { metric: string; target: string; value: (result: DatabaseBenchResult) => string };

const ROWS: Row[] = [
  {
    metric: 'Ingest, mixed notifications (2xx req/s)',
    target: '',
    value: (r) => integer(r.ingest.successfulRequestsPerSecond),
  },
  {
    metric: 'Do-nothing /api/health/live (2xx req/s)',
    target: '',
    value: (r) => integer(r.doNothing.successfulRequestsPerSecond),
  },
  {
    metric: 'Ratio ingest / do-nothing',
    target: `≥ ${TARGETS.ingestToDoNothingPercentAtLeast} %`,
    value: (r) => `${r.ingestToDoNothingPercent.toFixed(1)} %`,
  },
  { metric: 'Latency p50 at 100 req/s (open loop)', target: '', value: (r) => milliseconds(r.latency.p50Ms) },
  {
    metric: 'Latency p99 at 100 req/s (open loop)',
    target: `< ${TARGETS.p99MsBelow} ms`,
    value: (r) => milliseconds(r.latency.p99Ms),
  },
  { metric: 'Latency max at 100 req/s (open loop)', target: '', value: (r) => milliseconds(r.latency.maxMs) },
  {
    metric: 'Do-nothing latency p50 / p99 at 100 req/s (open loop)',
    target: '',
    value: (r) => `${milliseconds(r.doNothingLatency.p50Ms)} / ${milliseconds(r.doNothingLatency.p99Ms)}`,
  },
  {
    metric: 'Server CPU per request at 100 req/s, ingest / do-nothing',
    target: '',
    value: (r) => `${r.cpuPerRequestMs.ingest.toFixed(2)} / ${r.cpuPerRequestMs.doNothing.toFixed(2)} ms`,
  },
  {
    metric: 'Peak server RSS',
    target: `< ${TARGETS.peakMemoryMbBelow} MB`,
    value: (r) => `${r.peakMemory.peakResidentMb.toFixed(0)} MB`,
  },
  {
    metric: 'Webhooks out: events of the ingest run delivered (per second)',
    target: '',
    value: (r) => `${integer(r.webhooksOut.delivered)} (${integer(r.webhooksOut.perSecond)}/s)`,
  },
  {
    metric: 'Webhooks out: backlog sent after the load (s)',
    target: '',
    value: (r) => r.webhooksOut.drainSeconds.toFixed(1),
  },
  { metric: 'Ingest non-2xx / no answer', target: '', value: (r) => `${r.ingest.non2xx} / ${r.ingest.errors}` },
  {
    metric: 'Do-nothing non-2xx / no answer',
    target: '',
    value: (r) => `${r.doNothing.non2xx} / ${r.doNothing.errors}`,
  },
  { metric: 'Open loop non-2xx / no answer', target: '', value: (r) => `${r.latency.non2xx} / ${r.latency.errors}` },
  {
    metric: 'Do-nothing open loop non-2xx / no answer',
    target: '',
    value: (r) => `${r.doNothingLatency.non2xx} / ${r.doNothingLatency.errors}`,
  },
];

export function ingestToDoNothingPercent(ingest: ThroughputResult, doNothing: ThroughputResult): number {
  return doNothing.successfulRequestsPerSecond > 0
    ? roundTo((100 * ingest.successfulRequestsPerSecond) / doNothing.successfulRequestsPerSecond, 1)
    : NaN;
}

/** The plain-text table printed as soon as one database is done. */
export function printDatabaseTable(result: DatabaseBenchResult): void {
  const lines = ROWS.map((row) => [row.metric, row.value(result), row.target ? `target ${row.target}` : '']);
  const widths = [0, 1].map((column) => Math.max(...lines.map((line) => line[column]!.length)));
  console.log(`\n${result.database}`);
  for (const [metric, value, target] of lines) {
    console.log(`  ${metric!.padEnd(widths[0]!)}  ${value!.padStart(widths[1]!)}  ${target}`.trimEnd());
  }
  const { statusCounts } = result.ingest;
  console.log(
    `  Ingest status codes: ${JSON.stringify(statusCounts)}; server stderr lines: ${result.serverStderrLines}`,
  );
  console.log(
    `  Peak memory from ${result.peakMemory.title} (pid ${result.peakMemory.pid}); load average before: ${result.loadAverageBefore.toFixed(2)}`,
  );
}

/** One column per database, ready to paste into a pull request or README. */
export function formatMarkdownTable(results: DatabaseBenchResult[]): string {
  const header = ['Metric', ...results.map((result) => result.database), 'Target'];
  const lines = [header, header.map(() => '---')];
  for (const row of ROWS) lines.push([row.metric, ...results.map((result) => row.value(result)), row.target || '–']);
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function printSummary(results: DatabaseBenchResult[], settings: BenchSettings): void {
  console.log('\nMarkdown:\n');
  console.log(formatMarkdownTable(results));
  console.log(
    `\n${settings.connections} connections for ${settings.throughputSeconds} s per throughput run, after ` +
      `${settings.warmUpSecondsPerRoute} s of warm-up per route; latency from an open loop at ` +
      `${settings.openLoopRatePerSecond} req/s for ${settings.openLoopSeconds} s; ${settings.envelopes.toLocaleString('en')} envelopes.`,
  );
  console.log(
    `Targets for comparison: ratio ≥ ${TARGETS.ingestToDoNothingPercentAtLeast} %, p99 < ${TARGETS.p99MsBelow} ms, ` +
      `memory < ${TARGETS.peakMemoryMbBelow} MB.`,
  );
  console.log(NOISE_NOTE);
}

export function writeResultsFile(results: DatabaseBenchResult[], settings: BenchSettings, startedAt: Date): void {
  const cpus = os.cpus();
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      node: process.version,
      platform: process.platform,
    },
    settings,
    targets: TARGETS,
    note: NOISE_NOTE,
    results,
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${RESULTS_FILE}.`);
}

function integer(value: number): string {
  return Math.round(value).toLocaleString('en');
}

function milliseconds(value: number): string {
  return `${value.toFixed(1)} ms`;
}
