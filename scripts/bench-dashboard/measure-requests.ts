import { percentileOfSorted, roundTo } from '../bench/statistics';

export type RequestTimes = { medianMs: number; p95Ms: number; minMs: number; maxMs: number; samples: number };

export type Target = { url: string; expect: string };

/**
 * Times `count` requests to each target, one request at a time (a reader waiting for a page, not a load test), each
 * from sending to the last byte of the body. The targets take turns, so a burst of other work on the machine slows
 * them alike and their comparison holds. `expect` must be in every answer, else this throws (the scenario fails): a
 * fast error page is no result.
 */
export async function measureInTurns(options: { targets: Target[]; count: number; warmUp: number }) {
  for (let round = 0; round < options.warmUp; round++) {
    for (const target of options.targets) await timeRequest(target);
  }
  const times = options.targets.map(() => [] as number[]);
  for (let round = 0; round < options.count; round++) {
    for (const [index, target] of options.targets.entries()) times[index]!.push(await timeRequest(target));
  }
  return times.map(summarize);
}

function summarize(values: number[]): RequestTimes {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    medianMs: roundTo(percentileOfSorted(sorted, 50), 1),
    p95Ms: roundTo(percentileOfSorted(sorted, 95), 1),
    minMs: roundTo(sorted[0]!, 1),
    maxMs: roundTo(sorted.at(-1)!, 1),
    samples: sorted.length,
  };
}

async function timeRequest(target: Target): Promise<number> {
  const startedAt = performance.now();
  const response = await fetch(target.url, { signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  const elapsed = performance.now() - startedAt;
  if (response.status !== 200) throw new Error(`GET ${target.url} answered ${response.status}: ${body.slice(0, 300)}`);
  if (!body.includes(target.expect))
    throw new Error(`GET ${target.url} answered without ${JSON.stringify(target.expect)}.`);
  return elapsed;
}
