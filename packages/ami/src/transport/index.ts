export type { AmiTransport, AmiTransportEvents, AmiTransportFactory } from './transport.ts';
export { createSocketTransport, type SocketTransportDeps } from './socket-transport.ts';
export {
  createTcpTransport,
  createTlsTransport,
  type TcpTransportOptions,
  type TlsTransportOptions,
} from './tcp-transport.ts';
export {
  createMemoryTransportPair,
  memoryConnector,
  type MemoryServerEnd,
  type MemoryTransportOptions,
  type MemoryTransportPair,
} from './memory-transport.ts';
