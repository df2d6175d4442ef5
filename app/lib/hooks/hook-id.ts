import { randomBytes } from 'node:crypto';

// A hook id is the unguessable part of a delivery URL, so it must carry enough entropy to resist guessing.
const GENERATED_BYTES = 24;
const MIN_LENGTH = 16;
const MAX_LENGTH = 128;
const DISALLOWED_CHARACTER = /[^A-Za-z0-9_-]/u;
// Ids are bearer credentials: messages end up in logs, so only a recognisable prefix is shown.
const ECHO_LIMIT = 20;
const HOW_TO_FIX = 'generate one with npm run hook:create';

/** A new random hook id: 24 bytes (192 bits) as 32 URL-safe base64url characters. */
export function generateHookId(): string {
  return randomBytes(GENERATED_BYTES).toString('base64url');
}

const WELL_FORMED = new RegExp(`^[A-Za-z0-9_-]{${MIN_LENGTH},${MAX_LENGTH}}$`);

/** True when some hook could have this id; a cheap check for the hot path, before any lookup. */
export function isWellFormedHookId(id: string): boolean {
  return WELL_FORMED.test(id);
}

/** Returns null when `id` is an acceptable hook id, otherwise a message saying what is wrong and how to fix it. */
export function validateHookId(id: string): string | null {
  const shown = `Hook id ${excerpt(id)}`;
  const bad = DISALLOWED_CHARACTER.exec(id);
  if (bad) {
    const position = Array.from(id.slice(0, bad.index)).length + 1;
    const where = position <= ECHO_LIMIT ? ` (${JSON.stringify(bad[0])} at position ${position})` : '';
    return `${shown} contains characters other than [A-Za-z0-9_-]${where}: use only letters, digits, _ and - (${HOW_TO_FIX}).`;
  }
  if (id.length < MIN_LENGTH) {
    return `${shown} is too short: use at least ${MIN_LENGTH} characters of [A-Za-z0-9_-] (${HOW_TO_FIX}).`;
  }
  if (id.length > MAX_LENGTH) {
    return `${shown} is too long (${id.length} characters): use at most ${MAX_LENGTH} characters of [A-Za-z0-9_-] (${HOW_TO_FIX}).`;
  }
  return null;
}

/**
 * Parses a comma-separated list such as the WEBHOOK_HOOK_IDS environment variable. Blank entries are skipped so
 * that trailing commas and line continuations are harmless; `ids` holds only the valid, de-duplicated ids.
 */
export function parseHookIdList(value: string | undefined): { ids: string[]; errors: string[] } {
  const unique = [...new Set((value ?? '').split(',').map((entry) => entry.trim()))].filter((entry) => entry !== '');
  const ids: string[] = [];
  const errors: string[] = [];
  for (const id of unique) {
    const error = validateHookId(id);
    if (error === null) ids.push(id);
    else errors.push(error);
  }
  return { ids, errors };
}

function excerpt(id: string): string {
  // Counting code points keeps a surrogate pair from being split into an unprintable half.
  const characters = Array.from(id);
  const head = characters.slice(0, ECHO_LIMIT).join('');
  return characters.length > ECHO_LIMIT ? `${JSON.stringify(head)}…` : JSON.stringify(head);
}
