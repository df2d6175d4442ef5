// A ZIP's entry names come from outside here (envelope ids from webhooks, file names from the signing service), and
// unzip tools write them to disk as they are. Each part of a name is made harmless on its own, so no name can climb
// out of the folder it is extracted into, hide its real extension or be refused by Windows.

/** Longer names are cut, keeping the extension: every file system takes the folder and file together. */
export const MAX_ZIP_SEGMENT_CHARS = 100;

// Control characters (C0, DEL, C1), path separators, what Windows refuses in a name, and the bidirectional overrides
// that make "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Windows drops trailing dots and spaces; leading ones hide a file (".pdf") or make "..".
const EDGE_DOTS_AND_SPACES = /^[\s.]+|[\s.]+$/g;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const EXTENSION = /\.[^.\s]{1,10}$/;

/** One folder or file name, safe to write to disk; `fallback` when nothing usable is left. */
export function safeZipSegment(text: string, fallback: string): string {
  let name = text.normalize('NFC').replace(UNSAFE_CHARACTERS, '_').replace(EDGE_DOTS_AND_SPACES, '');
  if (WINDOWS_DEVICE_NAME.test(name)) name = `_${name}`;
  const characters = Array.from(name);
  if (characters.length > MAX_ZIP_SEGMENT_CHARS) {
    const extension = EXTENSION.exec(name)?.[0] ?? '';
    const stem = characters
      .slice(0, MAX_ZIP_SEGMENT_CHARS - extension.length)
      .join('')
      .replace(EDGE_DOTS_AND_SPACES, '');
    name = `${stem}${extension}`;
  }
  return name || fallback;
}

/**
 * `name`, or "name (2).pdf", "name (3).pdf"… when one in `taken` already has it, letter case aside (Windows and
 * macOS would extract both to one file). The name returned is added to `taken`.
 */
export function uniqueZipName(name: string, taken: Set<string>): string {
  let candidate = name;
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - extension.length);
  for (let copy = 2; taken.has(candidate.toLowerCase()); copy++) candidate = `${stem} (${copy})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
