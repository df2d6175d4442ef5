// Starts the app for the end-to-end suite: a fresh SQLite database, a production build, `next start`.
// E2E_SKIP_BUILD=1 reuses the last build when only tests changed.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';

// One folder per port, so two suites on one machine never share a database.
rmSync(process.env.E2E_DATA_DIR ?? 'data/e2e', { recursive: true, force: true });
if (!process.env.E2E_SKIP_BUILD) execSync('npx next build', { stdio: 'inherit' });
execSync('npm start', { stdio: 'inherit' });
