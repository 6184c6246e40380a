import { PROTOCOL_VERSION } from '@amiable/protocol';
import WebSocket from 'ws';

export interface Frame {
  op: string;
  [key: string]: unknown;
}

/** A test WebSocket client that records every frame and the close code. */
export class TestClient {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  static async open(url: string): Promise<TestClient> {
    const ws = new WebSocket(url);
    const client = new TestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  /** Opens a socket, says hello and waits for the welcome frame. */
  static async connect(url: string, token: string, resume?: { stream: string; seq: number }): Promise<TestClient> {
    const client = await TestClient.open(url);
    client.send({ op: 'hello', v: PROTOCOL_VERSION, token, ...(resume ? { resume } : {}) });
    await client.waitFor((f) => f.op === 'welcome');
    return client;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  get welcome(): Frame {
    return this.frames.find((f) => f.op === 'welcome')!;
  }

  events(type?: string): Frame[] {
    return this.frames.filter((f) => f.op === 'event' && (type === undefined || f.type === type));
  }

  async waitFor(predicate: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    return this.until(() => this.frames.find(predicate), timeoutMs, 'frame');
  }

  async waitForClose(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    return this.until(() => this.closed ?? undefined, timeoutMs, 'close');
  }

  /** Resolves once `probe` returns a value; re-checked on every frame and close. */
  async until<T>(probe: () => T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a command and waits for its result. */
  async command(id: string, name: string, args: unknown): Promise<Frame> {
    this.send({ op: 'command', id, name, args });
    return this.waitFor((f) => f.op === 'result' && f.id === id);
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
