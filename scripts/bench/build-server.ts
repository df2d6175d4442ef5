import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { registerCleanup } from './cleanup';
import { signalProcessGroup, spawnInOwnProcessGroup, stopProcessGroup } from './process-group';

// `next build` rewrites these to point at its build folder (.next-bench/types); the bench must leave the
// checked-out project exactly as it found it.
const FILES_NEXT_BUILD_REWRITES = ['tsconfig.json', 'next-env.d.ts'];
const BUILD_TIMEOUT_MS = 10 * 60_000;
const OUTPUT_LINES_KEPT = 60;

/** Builds the production server into `distDir`, or reuses that build when `reuse` is set and one exists. */
export async function buildProductionServer(options: { distDir: string; reuse: boolean }): Promise<void> {
  const { distDir, reuse } = options;
  if (reuse && existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.log(`Reusing the production build in ${distDir} (BENCH_SKIP_BUILD is set).`);
    return;
  }
  const restoreFiles = preserveFiles(FILES_NEXT_BUILD_REWRITES);
  const forgetRestore = registerCleanup({ graceful: async () => restoreFiles(), lastResort: restoreFiles });
  try {
    console.log(`Building the production server into ${distDir} (next build)…`);
    const startedAt = Date.now();
    await runBuild(distDir);
    console.log(`Built in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
  } finally {
    restoreFiles();
    forgetRestore();
  }
}

async function runBuild(distDir: string): Promise<void> {
  const child = spawnInOwnProcessGroup('npx', ['next', 'build'], {
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const processGroupId = child.pid!;
  const killBuild = () => signalProcessGroup(processGroupId, 'SIGKILL');
  const forgetBuild = registerCleanup({ graceful: () => stopProcessGroup(processGroupId), lastResort: killBuild });
  // The build log is long and only matters when the build fails.
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n'));
    output.splice(0, Math.max(0, output.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        killBuild();
        reject(new Error(`next build took over ${BUILD_TIMEOUT_MS / 60_000} minutes and was stopped.`));
      }, BUILD_TIMEOUT_MS);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    if (exitCode !== 0) throw new Error(`next build failed (exit code ${exitCode}):\n${output.join('\n')}`);
  } finally {
    forgetBuild();
  }
}

/** Remembers the files' contents; the returned function puts them back (or removes files that did not exist). */
function preserveFiles(files: string[]): () => void {
  const originals = new Map(files.map((file) => [file, existsSync(file) ? readFileSync(file) : null]));
  return () => {
    for (const [file, original] of originals) {
      if (original === null) rmSync(file, { force: true });
      else if (!existsSync(file) || !readFileSync(file).equals(original)) writeFileSync(file, original);
    }
  };
}
