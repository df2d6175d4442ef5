import { readdirSync } from 'node:fs';
import path from 'node:path';

let cached: ReadonlySet<string> | undefined;

/**
 * The files Next.js serves from public/ as URL paths (/screenshots/envelopes.png), read once.
 * Listing them, rather than letting any path with a dot through, keeps a route like
 * /api/envelopes/x.pdf behind sign-in.
 */
export function getPublicFiles(): ReadonlySet<string> {
  if (!cached) {
    const root = path.join(process.cwd(), 'public');
    let files: string[] = [];
    try {
      files = readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
    } catch {
      // No public/ folder: nothing to serve.
    }
    cached = new Set(files.map((file) => `/${file.split(path.sep).map(encodeURIComponent).join('/')}`));
  }
  return cached;
}
