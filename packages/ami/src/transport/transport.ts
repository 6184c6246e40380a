/**
 * The byte pipe under the AMI client. The client owns the protocol; a transport
 * only moves bytes. Implementations: TCP, TLS and an in-memory pair for tests.
 */
export interface AmiTransportEvents {
  /** Bytes from the peer, in whatever chunks the network produced. */
  data: (chunk: Buffer) => void;
  /** The write buffer emptied after write() returned false. */
  drain: () => void;
  /** The connection is gone. Emitted once, after connect() resolved. */
  close: (hadError: boolean) => void;
  /** A socket error; `close` follows. */
  error: (error: Error) => void;
}

export interface AmiTransport {
  /** Open the connection. Rejects with AmiConnectError when it cannot be opened. */
  connect(): Promise<void>;
  /** Queue bytes for the peer. Returns false when the caller should wait for `drain`. */
  write(data: Buffer): boolean;
  /** Stop emitting `data` (the kernel buffer fills and the peer slows down). */
  pause(): void;
  /** Emit `data` again after pause(). */
  resume(): void;
  /** Tear the connection down. `close` follows if the connection was open. */
  close(): void;
  on<E extends keyof AmiTransportEvents>(event: E, listener: AmiTransportEvents[E]): void;
  off<E extends keyof AmiTransportEvents>(event: E, listener: AmiTransportEvents[E]): void;
}

/** Makes a fresh, unconnected transport for each connection attempt. */
export type AmiTransportFactory = () => AmiTransport;
