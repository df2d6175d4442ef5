import { z } from 'zod';

// The pull API's cursor: the position of the last event a reader has, opaque to it. Positions follow commits
// (feed-lock.ts), so "after this position" never skips an event that commits later.

const cursorSchema = z.object({ p: z.number().int().min(0) });

export function encodeFeedCursor(position: number): string {
  return Buffer.from(JSON.stringify({ p: position })).toString('base64url');
}

export function decodeFeedCursor(value: string): number | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data.p : null;
  } catch {
    return null;
  }
}
