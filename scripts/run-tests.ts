// `npm test`: every layer in order (type-check, lint, unit, integration on SQLite and, with
// TEST_DATABASE_URL, PostgreSQL, then end-to-end in Chromium), ending with one countable line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const reportDir = path.resolve('data/test-reports');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

function step(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function finish(ok: boolean): never {
  const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
  console.log(`\ntests: ${line}`);
  process.exit(ok && total.failed === 0 ? 0 : 1);
}

console.log(`Node.js ${process.version}`);
if (!step('Type-check', 'npm', ['run', '--silent', 'typecheck'])) finish(false);
if (!step('Lint', 'npm', ['run', '--silent', 'lint'])) finish(false);

const vitestReport = path.join(reportDir, 'vitest.json');
const vitestOk = step('Unit and integration tests (Vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson<{
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}>(vitestReport);
if (vitest) {
  total.passed += vitest.numPassedTests;
  total.failed += vitest.numFailedTests;
  total.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (!vitestOk) {
  if (!vitest || vitest.numFailedTests === 0) total.failed += 1; // a crash before any result counts as a failure
  finish(false);
}

const playwrightReport = path.join(reportDir, 'playwright.json');
const playwrightOk = step('End-to-end tests (Playwright, production build)', 'npx', ['playwright', 'test'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});
const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
  playwrightReport,
);
if (playwright) {
  total.passed += playwright.stats.expected + playwright.stats.flaky;
  total.failed += playwright.stats.unexpected;
  total.skipped += playwright.stats.skipped;
} else if (!playwrightOk) {
  total.failed += 1;
}
finish(playwrightOk);
