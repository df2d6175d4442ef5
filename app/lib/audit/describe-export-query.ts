/**
 * An export's query as the audit log keeps it: the filters, but a hook by "(hidden)" (its id is the secret part of its
 * URL), without the page's one-time download ticket, and at most 1,000 characters. Undefined for an export of
 * everything.
 */
export function describeExportQuery(search: string): { query: string } | undefined {
  if (!search) return undefined;
  const params = new URLSearchParams(search);
  if (params.has('hook')) params.set('hook', '(hidden)');
  params.delete('ticket');
  const query = `?${params.toString()}`.slice(0, 1_000);
  return query === '?' ? undefined : { query };
}
