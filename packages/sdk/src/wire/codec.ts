import { PROTOCOL_VERSION } from '@amiable/protocol';
import type { ClientFrame, ErrorBody, ServerFrame } from '@amiable/protocol';
import type { InboundFrame, OutboundFrame, WireCodec } from './frames.ts';

/**
 * The JSON codec of the `/api/ws` envelope (`op`-tagged frames, see
 * @amiable/protocol envelope). This is the only file that knows frame field names.
 */
export const jsonCodec: WireCodec = {
  encode(frame: OutboundFrame): string {
    return JSON.stringify(toWire(frame));
  },
  decode(text: string): InboundFrame | undefined {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!raw || typeof raw !== 'object') return undefined;
    return fromWire(raw as ServerFrame);
  },
};

function toWire(frame: OutboundFrame): ClientFrame {
  switch (frame.kind) {
    case 'hello':
      return frame.resume
        ? { op: 'hello', v: PROTOCOL_VERSION, token: frame.token, resume: { stream: frame.resume.stream, seq: frame.resume.seq } }
        : { op: 'hello', v: PROTOCOL_VERSION, token: frame.token };
    case 'subscribe':
      return frame.id ? { op: 'subscribe', id: frame.id, filter: frame.filter } : { op: 'subscribe', filter: frame.filter };
    case 'command':
      return { op: 'command', id: frame.id, name: frame.name, args: frame.args ?? {} };
    case 'ping':
      return frame.id ? { op: 'ping', id: frame.id } : { op: 'ping' };
  }
}

function fromWire(frame: ServerFrame): InboundFrame | undefined {
  switch (frame.op) {
    case 'welcome':
      return {
        kind: 'welcome',
        welcome: {
          stream: frame.session,
          seq: frame.seq,
          resumed: frame.resumed,
          mustResync: frame.mustResync,
          resumeWindowSeconds: frame.resumeWindowSeconds,
          principal: frame.principal,
        },
      };
    case 'event':
      if (typeof frame.seq !== 'number' || typeof frame.type !== 'string') return undefined;
      return { kind: 'event', seq: frame.seq, type: frame.type, at: frame.at, ...(frame.pbx ? { pbx: frame.pbx } : {}), payload: frame.payload };
    case 'snapshot':
      return { kind: 'snapshot', seq: frame.seq, state: frame.state };
    case 'result':
      return frame.ok
        ? { kind: 'result', id: frame.id, ok: true, value: frame.data }
        : { kind: 'result', id: frame.id, ok: false, error: errorBody(frame.error) };
    case 'error':
      return { kind: 'error', error: errorBody(frame) };
    case 'pong':
      return frame.id ? { kind: 'pong', id: frame.id } : { kind: 'pong' };
    case 'bye':
      return { kind: 'bye', closeCode: frame.closeCode, error: { code: frame.code, message: frame.message } };
    default:
      return undefined;
  }
}

function errorBody(value: unknown): ErrorBody {
  const v = (value ?? {}) as Partial<ErrorBody>;
  return {
    code: typeof v.code === 'string' ? v.code : 'CTI_ERR_INTERNAL',
    message: typeof v.message === 'string' ? v.message : 'Unknown error',
    ...(v.details !== undefined ? { details: v.details } : {}),
  };
}
