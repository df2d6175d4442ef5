import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Starts a command as the leader of a new process group. npm, sh and Next.js each add a process of their own, so
 * only the whole group can be measured and stopped reliably.
 */
export function spawnInOwnProcessGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`Could not start ${command} ${args.join(' ')}.`);
  return child;
}

/** Signals every process of the group; a group that is already gone is not an error. */
export function signalProcessGroup(processGroupId: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-processGroupId, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Asks the group to stop, and forces it when it has not within `graceMs`. */
export async function stopProcessGroup(processGroupId: number, graceMs = 5_000): Promise<void> {
  signalProcessGroup(processGroupId, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (listProcessGroup(processGroupId).length === 0) return;
    await sleep(100);
  }
  signalProcessGroup(processGroupId, 'SIGKILL');
}

/** Live members of a process group, read from /proc. Zombies are left out: they hold no memory and no port. */
export function listProcessGroup(processGroupId: number): number[] {
  return groupMemberStats(processGroupId).map((member) => member.pid);
}

/** Each live member's stat(5) fields from the state (field 3) on. */
function groupMemberStats(processGroupId: number): { pid: number; fields: string[] }[] {
  const members: { pid: number; fields: string[] }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = readStatFields(Number(entry));
    if (fields === null) continue;
    const [state, , group] = fields;
    if (Number(group) === processGroupId && state !== 'Z' && state !== 'X')
      members.push({ pid: Number(entry), fields });
  }
  return members;
}

export type ProcessMemory = { residentKb: number; peakResidentKb: number };

/** Current (VmRSS) and highest (VmHWM) resident memory of a process, or null once it has exited. */
export function readProcessMemory(pid: number): ProcessMemory | null {
  const status = readProcFile(pid, 'status');
  if (status === null) return null;
  const kilobytesOf = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const residentKb = kilobytesOf('VmRSS');
  if (Number.isNaN(residentKb)) return null;
  const peakResidentKb = kilobytesOf('VmHWM');
  return { residentKb, peakResidentKb: Number.isNaN(peakResidentKb) ? residentKb : peakResidentKb };
}

/**
 * CPU time (user and system, in ms) the live processes of a group have used so far, all threads included; null where
 * /proc cannot tell (not Linux). A process that exits in between takes its share with it, so read it around a phase
 * in which the group stays the same.
 */
export function readProcessGroupCpuMs(processGroupId: number): number | null {
  const members = groupMemberStats(processGroupId);
  if (members.length === 0) return null;
  // utime and stime: fields 14 and 15 of stat(5), counted from the state (field 3).
  const ticks = members.reduce((sum, { fields }) => sum + Number(fields[11]) + Number(fields[12]), 0);
  return (ticks * 1000) / clockTicksPerSecond();
}

let ticksPerSecond: number | undefined;
function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      // Linux's USER_HZ on every common architecture.
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** The process title (Next.js renames its server to "next-server (vX)"), falling back to the executable name. */
export function readProcessTitle(pid: number): string {
  const commandLine = readProcFile(pid, 'cmdline')?.replaceAll('\0', ' ').trim();
  return commandLine || readProcFile(pid, 'comm')?.trim() || `pid ${pid}`;
}

/**
 * Lowers a process's high-water mark (VmHWM) to its current resident memory, so a later peak is that of what happens
 * from now on. False when the kernel refuses (another user's process, or no /proc/<pid>/clear_refs).
 */
export function resetPeakResident(pid: number): boolean {
  try {
    // "5" resets the peak resident set size (proc(5), clear_refs).
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** /proc/<pid>/stat's fields from the state (field 3 of stat(5)) on, or null once the process is gone. */
function readStatFields(pid: number): string[] | null {
  const stat = readProcFile(pid, 'stat');
  // The command name in parentheses may itself contain spaces and parentheses, so fields are counted after the last ')'.
  return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function readProcFile(pid: number, name: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    // Processes come and go between listing /proc and reading it.
    return null;
  }
}
