import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind } from '../bench/bench-databases';
import type { FillResult } from './fill-database';
import type { ExportResult } from './measure-export';
import type { RequestTimes } from './measure-requests';

// Issue 16's targets: every page's p95 under 150 ms, and at most 1.5 times the time at a hundredth of the size.
export const TARGETS = { p95MsBelow: 150, ratioAtMost: 1.5 };
export const RESULTS_FILE = 'data/bench/dashboard-results.json';

export type SizeResult = {
  envelopes: number;
  fill: FillResult & { rollupSeconds: number };
  loadAverageBefore: number;
  /** A scenario whose requests failed has no times but the error that stopped it. */
  scenarios: { name: string; path: string; times: RequestTimes | null; error?: string }[];
  exports: ExportResult[];
};

export type DatabaseResult = { database: DatabaseKind; full: SizeResult; small: SizeResult };

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (value: number) => `${value.toFixed(1)} MB`;
const count = (value: number) => value.toLocaleString('en');
const ratio = (value: number) => `${value.toFixed(2)}×`;

/** The larger of the median's and the p95's growth from the small database to the full one. */
function growth(full: RequestTimes, small: RequestTimes): number {
  return Math.max(full.medianMs / small.medianMs, full.p95Ms / small.p95Ms);
}

function meetsTargets(full: RequestTimes, small: RequestTimes): boolean {
  return full.p95Ms < TARGETS.p95MsBelow && growth(full, small) <= TARGETS.ratioAtMost;
}

/** One table per database, ready to paste into the README. */
export function formatMarkdown(result: DatabaseResult): string {
  const full = result.full.envelopes.toLocaleString('en');
  const small = result.small.envelopes.toLocaleString('en');
  const header = [
    'Scenario',
    `${full}: median`,
    `${full}: p95`,
    `${small}: median`,
    `${small}: p95`,
    'Growth',
    'Targets met',
  ];
  const lines = [header, header.map(() => '---')];
  for (const [index, scenario] of result.full.scenarios.entries()) {
    const smallTimes = result.small.scenarios[index]!.times;
    if (!scenario.times || !smallTimes) {
      lines.push([scenario.name, 'failed', 'failed', 'failed', 'failed', '–', `no: ${scenario.error ?? 'failed'}`]);
      continue;
    }
    lines.push([
      scenario.name,
      ms(scenario.times.medianMs),
      ms(scenario.times.p95Ms),
      ms(smallTimes.medianMs),
      ms(smallTimes.p95Ms),
      ratio(growth(scenario.times, smallTimes)),
      meetsTargets(scenario.times, smallTimes) ? 'yes' : 'no',
    ]);
  }
  return [
    `**${result.database}**`,
    '',
    ...lines.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    ...formatExportTable(result).map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/** Each export at both sizes, next to each other: flat memory shows as the same peak at both. */
function formatExportTable(result: DatabaseResult): string[][] {
  const header = ['Export', 'Envelopes', 'Rows or files', 'Size', 'Time', 'Rate', 'RSS before', 'Peak RSS during'];
  const lines = [header, header.map(() => '---')];
  for (const [index, fullExport] of result.full.exports.entries()) {
    for (const [size, exported] of [
      [result.full, fullExport],
      [result.small, result.small.exports[index]!],
    ] as const) {
      lines.push([
        exported.name,
        count(size.envelopes),
        `${count(exported.count)} ${exported.unit}`,
        mb(exported.bytes / 1_048_576),
        `${exported.seconds.toFixed(2)} s`,
        `${count(exported.perSecond)} ${exported.unit}/s, ${exported.megabytesPerSecond.toFixed(1)} MB/s`,
        mb(exported.residentBeforeMb),
        `${mb(exported.peakResidentMb)}${exported.peakCoversExportOnly ? '' : ' (since start)'}`,
      ]);
    }
  }
  return lines;
}

/** One line per export and size, for the log as each download ends. */
export function describeExport(exported: ExportResult, envelopes: number): string {
  return (
    `${exported.name}, ${count(envelopes)} envelopes: ${count(exported.count)} ${exported.unit}, ` +
    `${mb(exported.bytes / 1_048_576)} in ${exported.seconds.toFixed(2)} s ` +
    `(${count(exported.perSecond)} ${exported.unit}/s, ${exported.megabytesPerSecond.toFixed(1)} MB/s); server RSS ` +
    `${mb(exported.residentBeforeMb)} before, peak ${mb(exported.peakResidentMb)} during` +
    (exported.peakCoversExportOnly ? '' : ' (peak since start: the kernel would not reset it)')
  );
}

export function printSummary(results: DatabaseResult[], settings: { requests: number; warmUp: number }) {
  console.log('\nMarkdown:\n');
  for (const result of results) console.log(`${formatMarkdown(result)}\n`);
  console.log(
    `Each figure: ${settings.requests} requests one after another (after ${settings.warmUp} to warm up), timed from ` +
      'sending to the last byte, against the production server (`npm start`) on this machine; the servers of the two ' +
      'sizes run side by side and are asked in turns, so other work on the machine slows both alike. Growth is the larger ' +
      `of the median's and the p95's ratio of the full to the small database. Targets: p95 < ${TARGETS.p95MsBelow} ms ` +
      `at full size and growth ≤ ${TARGETS.ratioAtMost}×.`,
  );
  console.log(
    'Exports: each downloaded once per size after the pages, alone, timed from sending to the last byte and counted ' +
      'as they stream (CSV rows are lines but the header; ZIP files are its entries but the manifest). RSS is the ' +
      "server process's resident memory just before the download and its peak during it (sampled every 200 ms, and " +
      "the kernel's high-water mark, reset as the download starts).",
  );
  console.log(
    'Counts per status of the list come from the status rollup; with a search or a date filter, counts over more ' +
      'than 20,000 envelopes are reused for 10 s (see count-envelopes-by-status.ts).',
  );
  for (const result of results) {
    for (const size of [result.full, result.small]) {
      console.log(
        `${result.database}, ${size.envelopes.toLocaleString('en')} envelopes: filled with ` +
          `${count(size.fill.recipients)} recipients, ${count(size.fill.events)} events, ` +
          `${count(size.fill.deliveries)} deliveries and ${count(size.fill.documents)} stored files ` +
          `(${mb(size.fill.documentBytes / 1_048_576)}) in ` +
          `${size.fill.seconds.toFixed(0)} s, rollups folded in ${size.fill.rollupSeconds.toFixed(0)} s; load average before measuring ${size.loadAverageBefore.toFixed(2)} ` +
          `(${os.cpus().length} cores).`,
      );
      for (const exported of size.exports) console.log(`  ${describeExport(exported, size.envelopes)}`);
    }
  }
}

export function writeResultsFile(results: DatabaseResult[], startedAt: Date) {
  const cpus = os.cpus();
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', node: process.version },
    targets: TARGETS,
    results,
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${RESULTS_FILE}.`);
}
