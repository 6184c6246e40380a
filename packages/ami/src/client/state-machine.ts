import { AmiStateError } from '../errors.ts';

/** The connection lifecycle. `closed` is final. */
export type AmiClientState =
  | 'idle'
  | 'connecting'
  | 'authenticating'
  | 'resyncing'
  | 'ready'
  | 'reconnecting'
  | 'closed';

/** The legal transitions, as data. Anything else is a bug and throws AmiStateError. */
export const AMI_CLIENT_TRANSITIONS: Readonly<Record<AmiClientState, readonly AmiClientState[]>> = {
  idle: ['connecting', 'closed'],
  connecting: ['authenticating', 'reconnecting', 'closed'],
  authenticating: ['resyncing', 'ready', 'reconnecting', 'closed'],
  resyncing: ['ready', 'reconnecting', 'closed'],
  ready: ['reconnecting', 'closed'],
  reconnecting: ['connecting', 'closed'],
  closed: [],
};

/** One status change, as emitted on the client's status stream. */
export interface AmiStatusChange {
  from: AmiClientState;
  to: AmiClientState;
  /** Why, in a few words: `banner received`, `connection lost`, `keepalive timeout`, ... */
  reason: string;
  /** The error behind the change, when there is one (drops, auth failures). */
  error?: Error;
  /** Connection attempt number, counted from 1 since the last time the client was ready. */
  attempt?: number;
  /** For `reconnecting`: the delay before the next attempt. */
  delayMs?: number;
  /** Epoch milliseconds. */
  at: number;
}

export type AmiStatusExtras = Pick<AmiStatusChange, 'error' | 'attempt' | 'delayMs'>;

export interface StateMachine {
  readonly state: AmiClientState;
  /** The single way to change state. Emits the change to `onChange`. */
  transition(to: AmiClientState, reason: string, extras?: AmiStatusExtras): AmiStatusChange;
}

export function createStateMachine(deps: {
  onChange: (change: AmiStatusChange) => void;
  now?: () => number;
}): StateMachine {
  let state: AmiClientState = 'idle';
  const now = deps.now ?? Date.now;
  return {
    get state() {
      return state;
    },
    transition(to, reason, extras = {}) {
      if (!AMI_CLIENT_TRANSITIONS[state].includes(to)) throw new AmiStateError(state, to);
      const change: AmiStatusChange = { from: state, to, reason, ...extras, at: now() };
      state = to;
      deps.onChange(change);
      return change;
    },
  };
}
