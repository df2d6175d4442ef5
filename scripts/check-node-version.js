// Stops `npm install`, `npm run dev`, `npm start` and `npm test` at once on a Node.js older than package.json's
// `engines.node`, naming the version to install. Plain JavaScript with no imports beyond Node's own, so that it runs
// (and explains) on any old Node.js, before tsx or a dependency could fail in a less readable way.
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const required = /(\d+)\.(\d+)/.exec(packageJson.engines.node);
const minimum = [Number(required[1]), Number(required[2])];
const running = process.versions.node.split('.').map(Number);
const supported = running[0] > minimum[0] || (running[0] === minimum[0] && running[1] >= minimum[1]);

if (!supported) {
  console.error(
    [
      '',
      `Envelope tracker needs Node.js ${minimum[0]}.${minimum[1]} or newer; Node.js 24 LTS is recommended.`,
      `This is Node.js ${process.version}, which is too old.`,
      '',
      'Install Node.js 24 LTS (https://nodejs.org, or your package manager), or fetch it from the npm registry',
      'into this shell with:',
      '',
      '  eval "$(npm run --silent node:install)"',
      '',
      'then run `npm install` again, so that native modules are built for the new version.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
