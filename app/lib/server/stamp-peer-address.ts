import { PEER_ADDRESS_HEADER } from '@/app/lib/webhooks/peer-address-header';
import { onIncomingRequest } from './on-incoming-request';

/**
 * Route handlers never see the TCP peer, and Next.js keeps a client's own X-Forwarded-For, so
 * an allow-list could be fooled. Every incoming request gets the socket address in a header
 * of ours instead (a client's copy of that header is dropped).
 */
export function stampPeerAddress(): void {
  onIncomingRequest('peer-address', (request) => {
    delete request.headers[PEER_ADDRESS_HEADER];
    const address = request.socket?.remoteAddress;
    if (address) request.headers[PEER_ADDRESS_HEADER] = address;
  });
}
