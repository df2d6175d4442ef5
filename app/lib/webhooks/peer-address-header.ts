/** Set by instrumentation.ts from the TCP socket; any copy a client sends is removed first. */
export const PEER_ADDRESS_HEADER = 'x-envelope-tracker-peer-address';
