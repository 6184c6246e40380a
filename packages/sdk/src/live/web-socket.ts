/**
 * The slice of the WebSocket API the SDK uses. Browsers' `WebSocket` and the
 * `ws` package's `WebSocket` both fit it.
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** `readyState` value of an open socket (the same on every implementation). */
export const WS_OPEN = 1;

/** Reads a message's data as text (browsers give strings; `ws` may give a Buffer). */
export function messageText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  return String(data);
}

/** `http://host/x` → `ws://host/x/api/ws`; `https` → `wss`. A relative base uses the page's location. */
export function webSocketUrl(baseUrl: string, path: string): string {
  const origin = typeof globalThis.location === 'object' && globalThis.location ? globalThis.location.href : undefined;
  const url = new URL(baseUrl.replace(/\/+$/, '') + path, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
  return url.toString();
}
