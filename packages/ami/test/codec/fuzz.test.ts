import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmiParser } from '../../src/index.ts';
import { readTraceBytes } from '../support/traces.ts';

const CAP = 512;

/** Bytes that matter to the framer, mixed with anything at all. */
const wireByte = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(10, 13, 58, 32, 0, 0xe2, 0x82, 0xac) },
  { weight: 5, arbitrary: fc.integer({ min: 0x41, max: 0x7a }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }) },
);
const wireBytes = fc.array(wireByte, { maxLength: 4000 }).map((a) => Buffer.from(a));

/** Cut `bytes` at the given (unsorted, possibly out-of-range) points. */
function cut(bytes: Buffer, points: number[]): Buffer[] {
  const at = [...new Set(points.map((p) => (bytes.length === 0 ? 0 : p % (bytes.length + 1))))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let prev = 0;
  for (const p of [...at, bytes.length]) {
    chunks.push(bytes.subarray(prev, p));
    prev = p;
  }
  return chunks;
}

function feed(chunks: Buffer[], options: { maxMessageBytes?: number; expectBanner?: boolean }) {
  const fields: string[][] = [];
  const parser = new AmiParser({ message: (m) => fields.push(m.fields), error: () => {} }, options);
  let maxBuffered = 0;
  for (const c of chunks) {
    parser.push(c);
    maxBuffered = Math.max(maxBuffered, parser.buffered);
  }
  return { fields, maxBuffered };
}

/** Byte-level mutations of a real transcript. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: wireByte }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(wireByte, { minLength: 1, maxLength: 32 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 2000 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(source: Buffer, mutations: Mutation[]): Buffer {
  let buf = Buffer.from(source);
  for (const m of mutations) {
    const at = buf.length === 0 ? 0 : m.at % buf.length;
    if (m.kind === 'set' && buf.length > 0) buf[at] = m.byte;
    else if (m.kind === 'delete') buf = Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.length)]);
    else if (m.kind === 'insert') buf = Buffer.concat([buf.subarray(0, at), Buffer.from(m.bytes), buf.subarray(at)]);
    else if (m.kind === 'repeat') {
      const piece = buf.subarray(at, at + m.length);
      buf = Buffer.concat([buf.subarray(0, at), piece, piece, buf.subarray(at)]);
    }
  }
  return buf;
}

const sources = ['signin-signout', 'screen-pop', 'login-failures'].map((s) => readTraceBytes(s));

describe('parser fuzzing (fast-check)', () => {
  it('never throws on random byte streams in random chunks, and buffers no more than the cap', () => {
    fc.assert(
      fc.property(wireBytes, fc.array(fc.nat(), { maxLength: 40 }), fc.boolean(), (bytes, points, banner) => {
        const { maxBuffered } = feed(cut(bytes, points), { maxMessageBytes: CAP, expectBanner: banner });
        expect(maxBuffered).toBeLessThanOrEqual(CAP);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on mutated real transcripts, and buffers no more than the cap', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sources.keys()),
        fc.nat(),
        fc.integer({ min: 0, max: 6000 }),
        fc.array(mutation, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (which, offset, length, mutations, points) => {
          const source = sources[which]!;
          const start = offset % source.length;
          const bytes = mutate(source.subarray(start, start + length), mutations);
          const { maxBuffered } = feed(cut(bytes, points), { maxMessageBytes: CAP, expectBanner: start === 0 });
          expect(maxBuffered).toBeLessThanOrEqual(CAP);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same messages for any chunking when no message reaches the cap', () => {
    fc.assert(
      fc.property(wireBytes, fc.array(fc.nat(), { maxLength: 40 }), fc.boolean(), (bytes, points, banner) => {
        const whole = feed([bytes], { expectBanner: banner });
        const chunked = feed(cut(bytes, points), { expectBanner: banner });
        expect(chunked.fields).toEqual(whole.fields);
      }),
      { numRuns: 400 },
    );
  });

  it('never emits an empty message or a message with an odd field count', () => {
    fc.assert(
      fc.property(wireBytes, fc.array(fc.nat(), { maxLength: 20 }), (bytes, points) => {
        const { fields } = feed(cut(bytes, points), { maxMessageBytes: CAP });
        for (const f of fields) {
          expect(f.length).toBeGreaterThan(0);
          expect(f.length % 2).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
