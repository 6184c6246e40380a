import type { AmiMessage } from '@amiable/ami';
import type { CtiEvent } from '@amiable/protocol';
import type { EventHistory } from '../gateway/index.ts';

/** `position`: the event's sequence in the cluster's CTI stream (cluster mode only). */
export type CtiListener = (event: CtiEvent, position?: number) => void;
export type AmiListener = (pbx: string, msg: AmiMessage) => void;

/**
 * What runs between a node's owner part (AMI connection, model, projector) and its gateway
 * part (router, WebSocket, REST, AMI port). In one process it is a plain in-process fan-out;
 * in cluster mode it is NATS JetStream, so every node's gateway hears every owner.
 */
export interface CtiBus {
  /** Owner side: a CTI event of the catalogue, for every node's router. */
  publishCti(event: CtiEvent): void;
  /** Gateway side: every CTI event, in publication order. Returns the unsubscribe function. */
  subscribeCti(listener: CtiListener): () => void;
  /** Owner side: a raw AMI event as received from the PBX (for the AMI-compatible port). */
  publishAmi(pbx: string, msg: AmiMessage): void;
  subscribeAmi(listener: AmiListener): () => void;
  /** Cluster mode: the CTI stream as the router reads it to resume a client on any node. */
  readonly history?: EventHistory;
  close(): Promise<void>;
}
