// A WebSocket client for the failover benchmark: it logs in with a token, reconnects whenever its
// connection drops, and notes when each CTI event arrives and when the server received its AMI
// message (`at`).
import WebSocket from 'ws';

export interface EventWatcher {
  /** Resolves at the receipt time of the first event whose AMI message arrived after `since`. */
  firstEventAfter(since: number, timeoutMs: number): Promise<number>;
  close(): void;
}

export function watchEvents(url: string, token: string): EventWatcher {
  let closed = false;
  let ws: WebSocket | undefined;
  const waiters: Array<{ since: number; resolve: (t: number) => void }> = [];
  const open = () => {
    if (closed) return;
    const socket = new WebSocket(url);
    ws = socket;
    socket.on('open', () => socket.send(JSON.stringify({ op: 'hello', v: 1, token })));
    socket.on('message', (data) => {
      const now = Date.now();
      const frame = JSON.parse(data.toString()) as { op: string; at?: string };
      if (frame.op !== 'event' || !frame.at) return;
      const at = Date.parse(frame.at);
      for (const w of waiters.splice(0)) {
        if (at > w.since) w.resolve(now);
        else waiters.push(w);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (!closed) setTimeout(open, 50);
    });
  };
  open();
  return {
    firstEventAfter(since, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          since,
          resolve: (t) => {
            clearTimeout(timer);
            resolve(t);
          },
        });
      });
    },
    close() {
      closed = true;
      ws?.terminate();
    },
  };
}
