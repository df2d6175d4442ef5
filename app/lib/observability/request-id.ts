import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is kept when it is a plain token (a load balancer's or a client's trace id); anything else could
// forge log lines or carry a secret, and is replaced.
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the caller's X-Request-Id when it is a plain token, else a new one. */
export function requestIdFrom(sent: string | string[] | undefined): string {
  const value = Array.isArray(sent) ? sent[0] : sent;
  return value && ACCEPTED_ID.test(value) ? value : randomUUID();
}
