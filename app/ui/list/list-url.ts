/** A list page's state lives in its URL, so a view can be bookmarked, shared and reloaded. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function toUrlSearchParams(raw: RawSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) params.append(key, item);
  }
  return params;
}

/** The parameters as typed, even when invalid, so the form shows what the reader asked for. */
export function readParams<K extends string>(params: URLSearchParams, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, params.getAll(key).at(-1)?.trim() ?? ''])) as Record<K, string>;
}

export function hasAnyValue<K extends string>(values: Record<K, string>, keys: readonly K[]): boolean {
  return keys.some((key) => values[key] !== '');
}

/** A link to a list page with these parameters (and page), leaving out empty ones. */
export function listHref<K extends string>(
  path: string,
  values: Partial<Record<K, string>>,
  keys: readonly K[],
  cursor?: string | null,
): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = values[key]?.trim();
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
