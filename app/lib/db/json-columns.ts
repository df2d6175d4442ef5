import { z } from 'zod';

// The JSON columns, read back. The app writes them with the shapes below, but a row written by hand, by another tool
// or by an older version can hold anything JSON can (`{}`, `null`, `"x"`, `[1, 2]`), and a cast would let that
// through to code that then fails far from the cause (`join is not a function`). These readers never throw: a value
// that is not of the column's shape reads as empty, except where empty would grant more than the row meant to
// (parseAllowedNetworks).
//
// Hook.allowedNetworks        string[]                parseAllowedNetworks (access checks), parseStringList (display)
// Delivery.headers            Record<string, string>  parseStringRecord
// Envelope.customValues       Record<string, string>  parseStringRecord
// Event.customValues          Record<string, string>  parseStringRecord
// Event.details               its own schema, read in app/lib/envelopes/list-envelope-events.ts

const stringList = z.array(z.string());
const jsonObject = z.record(z.string(), z.unknown());

/** A list of strings; anything else, a list holding anything but strings included, reads as []. */
export function parseStringList(stored: unknown): string[] {
  return parseAllowedNetworks(stored) ?? [];
}

/**
 * A hook's allowed networks for an access check, or null when the stored value is not a list of strings. An empty
 * list means "any network", so an unreadable value must not read as one: null makes isAddressAllowed
 * (app/lib/hooks/allowed-networks.ts) refuse every address, and the hook takes no notification until its owner saves
 * its networks again. Entries are not checked here: a string that is no network matches no address.
 */
export function parseAllowedNetworks(stored: unknown): string[] | null {
  const parsed = stringList.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/**
 * An object of string values (headers, custom values). Anything but an object reads as {}; in an object, the entries
 * whose value is not a string are left out and the others kept.
 */
export function parseStringRecord(stored: unknown): Record<string, string> {
  const parsed = jsonObject.safeParse(stored);
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
