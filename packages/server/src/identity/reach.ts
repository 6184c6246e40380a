/**
 * A value that belongs to one PBX: an extension or a queue. `pbx` is '' when the value applies
 * on every PBX (a scope configured without a PBX). Two PBXs may both have an extension 1001; they
 * are different phones, so every extension and queue a principal watches carries its PBX.
 */
export interface PbxValue {
  pbx: string;
  value: string;
}

/** What a principal watches, per PBX. Agents are global (user ids) and need no PBX. */
export interface Watch {
  extensions: readonly PbxValue[];
  queues: readonly PbxValue[];
}
