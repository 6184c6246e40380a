/**
 * Where the client's address comes from. The server believes X-Forwarded-For only from the
 * reverse proxies listed in `trustedProxies` (IP addresses or CIDR ranges): the client's address
 * is then the nearest hop that is not a trusted proxy. Fastify applies this to `request.ip`
 * (REST and WebSocket alike), which every use of a client address reads: workstation detection
 * at sign-in, login limits and the audit trail. The AMI-compatible port is plain TCP: its
 * client's address is the socket's peer.
 *
 * Returns Fastify's `trustProxy` option: the list when there is one, else the legacy boolean
 * (`http.trustProxy`, which trusts every hop and so lets any client claim any address).
 */
export function trustProxyOption(trustedProxies: readonly string[], trustEveryHop: boolean): boolean | string[] {
  return trustedProxies.length > 0 ? [...trustedProxies] : trustEveryHop;
}
