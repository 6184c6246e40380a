/** Byte-level mutations for fuzzing: a seeded PRNG and a few classic mutation operators. */

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

const SPECIAL = [0x0d, 0x0a, 0x3a, 0x20, 0x00, 0xff, 0x22, 0x7b, 0x7d, 0x5b, 0x5d, 0x5c, 0x2c, 0xc3, 0x80];

/** 1 to 4 mutations of `input`: flip, insert special or random bytes, delete, duplicate, truncate. */
export function mutate(input: Uint8Array, random: () => number): Buffer {
  let b = Buffer.from(input);
  const n = 1 + Math.floor(random() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(random() * (b.length + 1));
    switch (Math.floor(random() * 6)) {
      case 0:
        if (b.length > 0) {
          const k = Math.min(at, b.length - 1);
          b[k] = (b[k] ?? 0) ^ (1 << Math.floor(random() * 8));
        }
        break;
      case 1:
        b = Buffer.concat([b.subarray(0, at), Buffer.from([SPECIAL[Math.floor(random() * SPECIAL.length)]!]), b.subarray(at)]);
        break;
      case 2: {
        const junk = Buffer.alloc(1 + Math.floor(random() * 16));
        for (let j = 0; j < junk.length; j++) junk[j] = Math.floor(random() * 256);
        b = Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
        break;
      }
      case 3:
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + Math.floor(random() * 32)))]);
        break;
      case 4: {
        const len = Math.floor(random() * 64);
        b = Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]);
        break;
      }
      default:
        b = b.subarray(0, at);
    }
  }
  return b;
}
