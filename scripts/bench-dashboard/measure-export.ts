import { ProcessGroupMemorySampler, type PeakMemory } from '../bench/memory-sampler';
import { roundTo } from '../bench/statistics';

// The exports stream: the server reads a batch, writes it out, reads the next. Whether memory stays flat whatever the
// size shows in the server's peak while one download runs, next to what it held just before; compared between the
// small and the full database.

export type ExportDefinition = {
  name: string;
  path: string;
  /** What the download is counted in: CSV rows (lines but the header) or files in the ZIP (the manifest aside). */
  unit: 'rows' | 'files';
};

export const EXPORTS: readonly ExportDefinition[] = [
  { name: 'CSV export, whole list', path: '/api/exports/envelopes', unit: 'rows' },
  { name: 'Documents ZIP export, whole list', path: '/api/exports/documents', unit: 'files' },
];

export type ExportResult = ExportDefinition & {
  count: number;
  bytes: number;
  seconds: number;
  /** Rows or files per second. */
  perSecond: number;
  megabytesPerSecond: number;
  /** The server process (the group's one with the highest peak): its memory just before, and its peak during. */
  process: string;
  residentBeforeMb: number;
  peakResidentMb: number;
  /** False when the kernel would not reset the peak: it is then the process's peak since it started. */
  peakCoversExportOnly: boolean;
};

const DOWNLOAD_TIMEOUT_MS = 20 * 60_000;
/** A hook no envelope has: its view is empty. */
const WARM_UP_HOOK = 'bench_no_such_hook';

/** Downloads one export once, counting as it streams, while the server's memory is sampled. */
export async function measureExport(options: {
  baseUrl: string;
  processGroupId: number;
  definition: ExportDefinition;
  /** Rows or files the download must have; anything else stops the run, as a scenario's missing text does. */
  expectedCount: number;
}): Promise<ExportResult> {
  const { definition } = options;
  const url = `${options.baseUrl}${definition.path}`;
  // An empty view first: the route's code is loaded then, so the memory it takes is not counted as the export's.
  await streamDownload(`${url}?hook=${WARM_UP_HOOK}`, counterFor(definition));
  const residentBefore = ProcessGroupMemorySampler.residentOf(options.processGroupId);
  const sampler = new ProcessGroupMemorySampler(options.processGroupId);
  const peakCoversExportOnly = sampler.start({ resetPeaks: true });
  const startedAt = performance.now();
  let download: Download;
  let seconds: number;
  let peak: PeakMemory;
  try {
    download = await streamDownload(url, counterFor(definition));
    seconds = (performance.now() - startedAt) / 1000;
  } finally {
    peak = sampler.finish();
  }
  if (download.count !== options.expectedCount) {
    throw new Error(`GET ${url} gave ${download.count} ${definition.unit}, not the ${options.expectedCount} expected.`);
  }
  return {
    ...definition,
    count: download.count,
    bytes: download.bytes,
    seconds: roundTo(seconds, 2),
    perSecond: roundTo(download.count / seconds, 0),
    megabytesPerSecond: roundTo(download.bytes / 1_048_576 / seconds, 1),
    process: peak.title,
    residentBeforeMb: residentBefore.get(peak.pid) ?? NaN,
    peakResidentMb: peak.peakResidentMb,
    peakCoversExportOnly,
  };
}

type Download = { count: number; bytes: number };

/** Counts what a download holds from its chunks as they pass, keeping none of them. */
interface StreamCounter {
  add(chunk: Uint8Array): void;
  count(): number;
}

const counterFor = (definition: ExportDefinition): StreamCounter =>
  definition.unit === 'rows' ? new CsvRowCounter() : new ZipFileCounter();

async function streamDownload(url: string, counter: StreamCounter): Promise<Download> {
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (response.status !== 200 || !response.body) {
    throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  const reader = response.body.getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    counter.add(chunk.value);
  }
  return { count: counter.count(), bytes };
}

const LINE_FEED = 0x0a;

/** Rows of a CSV whose cells hold no line breaks (the fill writes none): its lines, the header aside. */
class CsvRowCounter implements StreamCounter {
  private lines = 0;

  add(chunk: Uint8Array): void {
    for (let index = chunk.indexOf(LINE_FEED); index !== -1; index = chunk.indexOf(LINE_FEED, index + 1)) {
      this.lines++;
    }
  }

  count(): number {
    return Math.max(0, this.lines - 1);
  }
}

// The end of a ZIP: a ZIP64 end record (56 bytes) and its locator (20) when the archive needs them, then the end of
// central directory record (22, no comment), which holds the number of entries.
const END_RECORD_BYTES = 22;
const ZIP64_TAIL_BYTES = 56 + 20 + END_RECORD_BYTES;
const END_RECORD_SIGNATURE = 0x06054b50;
const ZIP64_END_RECORD_SIGNATURE = 0x06064b50;

/** Files in a streamed ZIP, read from its end records (the manifest is one entry but no stored file). */
class ZipFileCounter implements StreamCounter {
  private tail = Buffer.alloc(0);

  add(chunk: Uint8Array): void {
    this.tail = Buffer.concat([this.tail, chunk]).subarray(-ZIP64_TAIL_BYTES);
  }

  count(): number {
    const end = this.tail.subarray(-END_RECORD_BYTES);
    if (end.length < END_RECORD_BYTES || end.readUInt32LE(0) !== END_RECORD_SIGNATURE) {
      throw new Error('The ZIP download does not end with an end of central directory record.');
    }
    let entries = end.readUInt16LE(10);
    if (entries === 0xffff) {
      const zip64 = this.tail.subarray(0, 56);
      if (zip64.length < 56 || zip64.readUInt32LE(0) !== ZIP64_END_RECORD_SIGNATURE) {
        throw new Error('The ZIP download lacks the ZIP64 end record its end record points to.');
      }
      entries = Number(zip64.readBigUInt64LE(32));
    }
    return entries - 1;
  }
}
