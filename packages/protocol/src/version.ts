/**
 * Version of the client wire protocol (WebSocket envelope, event and command catalogues).
 * A client sends the version it speaks in `hello`; the server refuses versions it does not know.
 * Bump it only for breaking changes; additive changes (new events, new optional fields) keep it.
 */
export const PROTOCOL_VERSION = 1 as const;

/** Every protocol version this package can speak. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [PROTOCOL_VERSION];
