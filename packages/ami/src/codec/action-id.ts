import { randomBytes } from 'node:crypto';

/**
 * ActionIDs of the form `<random instance id>-<counter>`. The random prefix keeps
 * IDs unique across clients and restarts (AMI broadcasts some ActionIDs to every
 * session, e.g. OriginateResponse), the counter keeps them unique within one.
 */
export class ActionIdGenerator {
  readonly prefix: string;
  #counter = 0;
  constructor(prefix = randomBytes(6).toString('hex')) {
    this.prefix = prefix;
  }
  next(): string {
    this.#counter++;
    return `${this.prefix}-${this.#counter}`;
  }
  /** True when `id` was produced by this generator. */
  owns(id: string | undefined): boolean {
    return id !== undefined && id.length > this.prefix.length && id.startsWith(this.prefix) && id[this.prefix.length] === '-';
  }
}
