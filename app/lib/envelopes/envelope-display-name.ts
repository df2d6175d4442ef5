import { getEnvironment } from '@/app/lib/env';

/** The custom value that names an envelope when ENVELOPE_NAME_CUSTOM_VALUE is unset. */
export const DEFAULT_NAME_CUSTOM_VALUE = 'contract';

/**
 * What to call an envelope: its name from the signing service, else the custom value ENVELOPE_NAME_CUSTOM_VALUE names
 * (`contract` by default; its key matched in any case, as notification fields are), else its id. Reads the environment
 * unless `customValueKey` is given, so call it on the server (or pass the key).
 */
export function envelopeDisplayName(
  envelope: { name: string | null | undefined; customValues: Record<string, string> | null | undefined; id: string },
  customValueKey: string = getEnvironment().ENVELOPE_NAME_CUSTOM_VALUE,
): string {
  const name = envelope.name?.trim();
  if (name) return name;
  const values = envelope.customValues ?? {};
  const wanted = customValueKey.trim().toLowerCase();
  const key =
    (Object.hasOwn(values, customValueKey) ? customValueKey : undefined) ??
    Object.keys(values).find((candidate) => candidate.toLowerCase() === wanted);
  const value = key === undefined ? undefined : values[key]?.trim();
  return value || envelope.id;
}
