/** The first characters of a long id, enough to tell envelopes apart in a list; the full id stays in a title. */
export function shortId(id: string, length = 8): string {
  return id.length > length ? `${id.slice(0, length)}…` : id;
}
