import http from 'node:http';

/**
 * Runs `handler` on every request this process's HTTP server receives, before Next.js sees it: the
 * one place where the socket and the raw response are still reachable. Registering under the same
 * name twice (hot reload, a second instrumentation call) keeps the first.
 */
export function onIncomingRequest(
  name: string,
  handler: (request: http.IncomingMessage, response: http.ServerResponse) => void,
): void {
  const marker = Symbol.for(`envelope-tracker.${name}`);
  const prototype = http.Server.prototype as http.Server & { [key: symbol]: boolean };
  if (prototype[marker]) return;
  prototype[marker] = true;
  const originalEmit = prototype.emit;
  prototype.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') handler(args[0] as http.IncomingMessage, args[1] as http.ServerResponse);
    return originalEmit.apply(this, [event, ...args] as Parameters<typeof originalEmit>);
  } as typeof prototype.emit;
}
