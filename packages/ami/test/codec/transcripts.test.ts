import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AmiParser } from '../../src/index.ts';
import { listTraceFiles, parseTrace, TRACES_DIR } from '../support/traces.ts';

/**
 * Every recorded transcript is parsed three ways (whole, byte by byte, split at
 * every offset) and must give the same banner and the same field arrays.
 */

/** Traces up to this size get the plain "two pieces at every offset" split (quadratic). */
const SMALL = 4 * 1024;
/** busy-center alone is 1.4 million splits; allow for a loaded machine. */
const SPLIT_TIMEOUT_MS = 240_000;

interface Parsed {
  banner: string | undefined;
  fields: string[][];
}

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function firstDifference(expected: Parsed, actual: Parsed): string | undefined {
  if (expected.banner !== actual.banner) return `banner ${JSON.stringify(actual.banner)}`;
  if (expected.fields.length !== actual.fields.length) {
    return `message count ${actual.fields.length} instead of ${expected.fields.length}`;
  }
  const i = expected.fields.findIndex((f, n) => !sameFields(f, actual.fields[n]!));
  return i === -1 ? undefined : `message ${i} differs`;
}

function parseChunks(chunks: Buffer[], expectBanner: boolean): Parsed {
  const out: Parsed = { banner: undefined, fields: [] };
  const parser = new AmiParser(
    { message: (m) => out.fields.push(m.fields), banner: (b) => (out.banner = b) },
    { expectBanner },
  );
  for (const c of chunks) parser.push(c);
  return out;
}

/** Byte by byte, noting where the banner and each message end. */
function parseByteByByte(bytes: Buffer, expectBanner: boolean): Parsed & { ends: number[]; bannerEnd: number } {
  const out = { banner: undefined as string | undefined, fields: [] as string[][], ends: [] as number[], bannerEnd: 0 };
  let at = 0;
  const parser = new AmiParser(
    {
      message: (m) => {
        out.fields.push(m.fields);
        out.ends.push(at);
      },
      banner: (b) => {
        out.banner = b;
        out.bannerEnd = at;
      },
    },
    { expectBanner },
  );
  for (let i = 0; i < bytes.length; i++) {
    at = i + 1;
    parser.push(bytes.subarray(i, i + 1));
  }
  return out;
}

const files = listTraceFiles();

describe('recorded transcripts', () => {
  it('finds every scenario, including the second and third sessions of login-failures', () => {
    const names = files.map((f) => `${f.scenario}/${f.name}`);
    expect(names).toContain('busy-center/received.ami');
    expect(names).toContain('login-failures/third-received.ami');
    expect(names).toContain('reconnect-resync/resync-sent.ami');
    expect(files.length).toBeGreaterThanOrEqual(36);
  });

  for (const file of files) {
    describe(`${file.scenario}/${file.name}`, () => {
      const bytes = readFileSync(file.path);
      const expectBanner = file.direction === 'received';
      const whole = parseTrace(bytes, expectBanner);
      const reference: Parsed = { banner: whole.banner, fields: whole.messages.map((m) => m.fields) };

      it('parses whole into well-formed messages', () => {
        expect(reference.fields.length).toBeGreaterThan(0);
        if (expectBanner) expect(reference.banner).toBe('Asterisk Call Manager/11.0.0');
        for (const m of whole.messages) {
          expect(m.fields.length % 2).toBe(0);
          if (file.direction === 'sent') expect(m.fields[0]).toBe('Action');
          else expect(['Event', 'Response']).toContain(m.fields[0]);
        }
      });

      it('parses byte by byte exactly as whole', () => {
        const bb = parseByteByByte(bytes, expectBanner);
        expect(firstDifference(reference, bb)).toBeUndefined();
        expect(bb.ends.at(-1)).toBe(bytes.length);
      });

      it('parses split at every offset exactly as whole', () => {
        const problems: string[] = [];
        if (bytes.length <= SMALL) {
          for (let k = 0; k <= bytes.length; k++) {
            const diff = firstDifference(reference, parseChunks([bytes.subarray(0, k), bytes.subarray(k)], expectBanner));
            if (diff) problems.push(`split at ${k}: ${diff}`);
          }
        } else {
          // Linear-ish: split each message's own span at every offset. The span starts two
          // bytes early, so the previous blank line's CR LF straddles the split too.
          const bb = parseByteByByte(bytes, expectBanner);
          let got: string[] | undefined;
          let count = 0;
          const parser = new AmiParser({
            message: (m) => {
              got = m.fields;
              count++;
            },
          });
          let start = bb.bannerEnd;
          bb.ends.forEach((end, j) => {
            const from = j === 0 ? 0 : Math.max(bb.bannerEnd, start - 2);
            for (let k = from; k <= end; k++) {
              parser.reset(j === 0 && expectBanner);
              count = 0;
              parser.push(bytes.subarray(from, k));
              parser.push(bytes.subarray(k, end));
              if (count !== 1 || !sameFields(got!, reference.fields[j]!)) problems.push(`message ${j} split at ${k}`);
            }
            start = end;
          });
        }
        expect(problems.slice(0, 5)).toEqual([]);
      }, SPLIT_TIMEOUT_MS);

      if (file.name === 'received.ami') {
        it('counts the same events per type as the recording notes (meta.json)', () => {
          const meta = JSON.parse(readFileSync(join(TRACES_DIR, file.scenario, 'meta.json'), 'utf8'));
          const counts: Record<string, number> = {};
          for (const m of whole.messages) if (m.event !== undefined) counts[m.event] = (counts[m.event] ?? 0) + 1;
          expect(counts).toEqual(meta.event_counts);
        });
      }
    });
  }
});
