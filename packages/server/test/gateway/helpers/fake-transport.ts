import type { ClientTransport } from '../../../src/gateway/index.ts';

/** A transport that records frames. `stuck` makes it behave like a client that stopped reading. */
export class FakeTransport implements ClientTransport {
  readonly frames: { op: string; seq?: number; type?: string; [k: string]: unknown }[] = [];
  closed: { closeCode: number; code: string } | null = null;
  stuck = false;
  private pending = 0;

  send(data: string, done: (err?: Error) => void): void {
    if (this.stuck) {
      this.pending += data.length;
      return;
    }
    this.frames.push(JSON.parse(data));
    queueMicrotask(() => done());
  }

  bufferedAmount(): number {
    return this.pending;
  }

  close(closeCode: number, code: string): void {
    this.closed ??= { closeCode, code };
  }

  events(): { seq: number; type: string; payload: unknown }[] {
    return this.frames.filter((f) => f.op === 'event') as never;
  }
}
