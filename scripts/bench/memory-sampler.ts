import { listProcessGroup, readProcessMemory, readProcessTitle, resetPeakResident } from './process-group';
import { roundTo } from './statistics';

export type PeakMemory = {
  /** The process that used the most memory: the Next.js server, not npm or sh. */
  title: string;
  pid: number;
  peakResidentMb: number;
  /** How many polls saw the group; the kernel's VmHWM covers what happens between them. */
  samples: number;
};

type ProcessPeak = { title: string; peakResidentKb: number };

const SAMPLE_INTERVAL_MS = 200;

/**
 * Polls the resident memory of every process in a group. Polling alone can miss a short spike, so each process's
 * own high-water mark (VmHWM) is read too, as long as the process is alive to ask.
 */
export class ProcessGroupMemorySampler {
  private readonly peaks = new Map<number, ProcessPeak>();
  private samples = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly processGroupId: number) {}

  /**
   * `resetPeaks` first lowers each process's high-water mark to its current use, so the peak found is that of the
   * time sampled, not of the process's life so far. Returns false when some process's mark could not be reset.
   */
  start(options: { resetPeaks?: boolean } = {}): boolean {
    let reset = true;
    if (options.resetPeaks) {
      for (const pid of listProcessGroup(this.processGroupId)) reset = resetPeakResident(pid) && reset;
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_INTERVAL_MS);
    return reset;
  }

  /** Call before the group is stopped, while VmHWM can still be read. */
  finish(): PeakMemory {
    clearInterval(this.timer);
    this.sample();
    let biggest: [number, ProcessPeak] | undefined;
    for (const entry of this.peaks) {
      if (!biggest || entry[1].peakResidentKb > biggest[1].peakResidentKb) biggest = entry;
    }
    if (!biggest) throw new Error('No server process was ever seen, so its memory could not be measured.');
    const [pid, { title, peakResidentKb }] = biggest;
    return { title, pid, peakResidentMb: roundTo(peakResidentKb / 1024, 1), samples: this.samples };
  }

  /** The resident memory (MB) of each live process of a group, by pid. */
  static residentOf(processGroupId: number): Map<number, number> {
    const resident = new Map<number, number>();
    for (const pid of listProcessGroup(processGroupId)) {
      const memory = readProcessMemory(pid);
      if (memory) resident.set(pid, roundTo(memory.residentKb / 1024, 1));
    }
    return resident;
  }

  private sample(): void {
    this.samples++;
    for (const pid of listProcessGroup(this.processGroupId)) {
      const memory = readProcessMemory(pid);
      if (!memory) continue;
      const highest = Math.max(memory.residentKb, memory.peakResidentKb);
      const known = this.peaks.get(pid);
      // Titles are read again while the peak grows: a process renames itself after exec (node -> next-server).
      if (!known || highest > known.peakResidentKb) {
        this.peaks.set(pid, {
          title: readProcessTitle(pid),
          peakResidentKb: Math.max(highest, known?.peakResidentKb ?? 0),
        });
      }
    }
  }
}
