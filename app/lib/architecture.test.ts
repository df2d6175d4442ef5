import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Which code may import which, read from the source files themselves. Test files are left out: a test may reach
// into any folder it needs. Type-only imports count: a cycle of types is a cycle all the same.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE = /\.(?:ts|tsx|js|mjs|cjs)$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;


type SourceFile = { file: string; imports: string[] };

/** Non-test source files below `folder` (repository-relative, forward slashes), with what each imports. */
function readSources(folder: string, skip: (file: string) => boolean = () => false): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(path.join(ROOT, directory), { withFileTypes: true })) {
      const file = `${directory}/${entry.name}`;
      if (skip(file)) continue;
      if (entry.isDirectory()) walk(file);
      else if (SOURCE.test(entry.name) && !TEST_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push({ file, imports: importsOf(file) });
      }
    }
  };
  walk(folder);
  return files;
}

/** Every module `file` imports, re-exports or loads with import(), as a repository-relative path where it is ours. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => {
    if (fileName.startsWith('@/')) return fileName.slice(2);
    if (fileName.startsWith('.')) return path.posix.join(path.posix.dirname(file), fileName);
    return fileName;
  });
}

/** The app/lib folder a path is in (`webhooks` for app/lib/webhooks/x.ts, `env` for app/lib/env.ts), or null. */
function libFolderOf(target: string): string | null {
  const match = /^app\/lib\/([^/]+)/.exec(target);
  return match ? match[1]!.replace(SOURCE, '') : null;
}

function isUnder(target: string, folder: string): boolean {
  return target === folder || target.startsWith(`${folder}/`);
}

function describeImports(list: { file: string; target: string }[]): string {
  return list.map(({ file, target }) => `    ${file} imports ${target}`).join('\n');
}

describe('architecture', () => {
  const lib = readSources('app/lib');

  it('reads imports from the source (the checks below would pass on nothing otherwise)', () => {
    expect(lib.length).toBeGreaterThan(50);
    expect(importsOf('app/lib/architecture.test.ts')).toContain('typescript');
    const edges = lib.flatMap(({ imports }) => imports).filter((target) => libFolderOf(target) !== null);
    expect(edges.length).toBeGreaterThan(50);
  });

  it('has no two app/lib folders importing each other', () => {
    // importers.get(a).get(b): the imports by which folder a uses folder b.
    const importers = new Map<string, Map<string, { file: string; target: string }[]>>();
    for (const { file, imports } of lib) {
      const from = libFolderOf(file)!;
      for (const target of imports) {
        const to = libFolderOf(target);
        if (to === null || to === from) continue;
        const byTarget = importers.get(from) ?? new Map<string, { file: string; target: string }[]>();
        importers.set(from, byTarget);
        byTarget.set(to, [...(byTarget.get(to) ?? []), { file, target }]);
      }
    }
    const cycles: string[] = [];
    for (const [a, targets] of importers) {
      for (const [b, forward] of targets) {
        const backward = importers.get(b)?.get(a);
        if (a > b || !backward) continue;
        cycles.push(`${a} <-> ${b}:\n${describeImports(forward)}\n${describeImports(backward)}`);
      }
    }
    expect(cycles, `folders that import each other: make the dependency run one way`).toEqual([]);
  });

  it('keeps server code (app/lib, app/api) away from the UI and the test helpers', () => {
    const api = readSources('app/api');
    const wrong = [...lib, ...api].flatMap(({ file, imports }) =>
      imports
        .filter((target) => isUnder(target, 'app/ui') || isUnder(target, 'app/testing'))
        .map((target) => ({ file, target })),
    );
    expect(describeImports(wrong), 'server code importing app/ui or app/testing').toBe('');
  });

  it('uses the test helpers (app/testing) only from tests, e2e and scripts', () => {
    // The application: app/ (its generated client and the helpers themselves aside) and the files at the root that
    // Next.js loads. The test runners' own configuration (vitest.config.ts, playwright.config.ts) is test code.
    const app = readSources('app', (file) => file === 'app/testing' || file === 'app/generated');
    const rootFiles = readdirSync(ROOT, { withFileTypes: true })
      .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => entry.name)
      .filter((name) => !/^(?:vitest|playwright)\.config\./.test(name))
      .map((file) => ({ file, imports: importsOf(file) }));
    expect(rootFiles.map(({ file }) => file)).toContain('proxy.ts');
    const wrong = [...app, ...rootFiles].flatMap(({ file, imports }) =>
      imports.filter((target) => isUnder(target, 'app/testing')).map((target) => ({ file, target })),
    );
    expect(describeImports(wrong), 'application code importing app/testing').toBe('');
  });
});
