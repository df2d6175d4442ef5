import http from 'node:http';
import { PEER_ADDRESS_HEADER } from '@/app/lib/webhooks/peer-address-header';

/**
 * Route handlers never see the TCP peer, and Next.js keeps a client's own X-Forwarded-For, so
 * an allow-list could be fooled. Every incoming request gets the socket address in a header
 * of ours instead (a client's copy of that header is dropped).
 */
export function stampPeerAddress(): void {
  const marker = Symbol.for('envelope-tracker.peer-address');
  const prototype = http.Server.prototype as http.Server & { [key: symbol]: boolean };
  if (prototype[marker]) return;
  prototype[marker] = true;
  const originalEmit = prototype.emit;
  prototype.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      delete request.headers[PEER_ADDRESS_HEADER];
      const address = request.socket?.remoteAddress;
      if (address) request.headers[PEER_ADDRESS_HEADER] = address;
    }
    return originalEmit.apply(this, [event, ...args] as Parameters<typeof originalEmit>);
  } as typeof prototype.emit;
}
