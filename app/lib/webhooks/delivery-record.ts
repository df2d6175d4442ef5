/** What the delivery log keeps of one request to a known hook. */
export type DeliveryRecord = {
  hookId: string;
  receivedAt: Date;
  method: string;
  query: string;
  body: string | null;
  contentType: string | null;
  headers: Record<string, string>;
  sourceAddress: string | null;
  replayOfId?: string | null;
};

// Headers worth keeping for diagnosis; credentials and cookies never are.
const LOGGED_HEADERS = [
  'content-type',
  'content-length',
  'user-agent',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-real-ip',
  'x-request-id',
  'traceparent',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
];

export function pickLoggedHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value.slice(0, 500);
  }
  return kept;
}
