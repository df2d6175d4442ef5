import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind } from '../bench/bench-databases';
import type { FillResult } from './fill-database';
import type { RequestTimes } from './measure-requests';

// Issue 16's targets: every page's p95 under 150 ms, and at most 1.5 times the time at a hundredth of the size.
export const TARGETS = { p95MsBelow: 150, ratioAtMost: 1.5 };
export const RESULTS_FILE = 'data/bench/dashboard-results.json';

export type SizeResult = {
  envelopes: number;
  fill: FillResult;
  loadAverageBefore: number;
  scenarios: { name: string; path: string; times: RequestTimes }[];
};

export type DatabaseResult = { database: DatabaseKind; full: SizeResult; small: SizeResult };

const ms = (value: number) => `${value.toFixed(1)} ms`;
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
  return [`**${result.database}**`, '', ...lines.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
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
    'Counts per status over more than 20,000 envelopes are reused for 10 s (see count-envelopes-by-status.ts), so ' +
      'at full size most first-page requests find them counted already.',
  );
  for (const result of results) {
    for (const size of [result.full, result.small]) {
      console.log(
        `${result.database}, ${size.envelopes.toLocaleString('en')} envelopes: filled with ` +
          `${size.fill.recipients.toLocaleString('en')} recipients and ${size.fill.events.toLocaleString('en')} events in ` +
          `${size.fill.seconds.toFixed(0)} s; load average before measuring ${size.loadAverageBefore.toFixed(2)} ` +
          `(${os.cpus().length} cores).`,
      );
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
