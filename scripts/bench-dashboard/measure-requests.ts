import { percentileOfSorted, roundTo } from '../bench/statistics';

export type RequestTimes = { medianMs: number; p95Ms: number; minMs: number; maxMs: number; samples: number };

/** `label` names the target in a failure's message (which size's server failed). */
export type Target = { url: string; expect: string; label: string };

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
  const answered = await fetch(target.url, { signal: AbortSignal.timeout(30_000) }).then(
    async (response) => ({ status: response.status, body: await response.text() }),
    (error: unknown) => {
      throw new Error(`${target.label}: GET ${target.url} failed: ${error instanceof Error ? error.message : error}`);
    },
  );
  const elapsed = performance.now() - startedAt;
  if (answered.status !== 200) {
    throw new Error(`${target.label}: GET ${target.url} answered ${answered.status}: ${answered.body.slice(0, 300)}`);
  }
  if (!answered.body.includes(target.expect)) {
    throw new Error(`${target.label}: GET ${target.url} answered without ${JSON.stringify(target.expect)}.`);
  }
  return elapsed;
}
