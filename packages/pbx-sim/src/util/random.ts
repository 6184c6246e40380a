/**
 * A small seeded pseudo-random generator (sfc32). The same seed always gives
 * the same sequence, which is what makes generator runs reproducible.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Exponentially distributed value with the given mean. */
  exponential(mean: number): number;
  /** Normally distributed value (Box-Muller). */
  normal(mean: number, stdDev: number): number;
  /** `n` lowercase hex digits. */
  hex(n: number): string;
  /** A version-4 style UUID built from this generator. */
  uuid(): string;
}

export function createRandom(seed: number): Random {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
  let c = 0xb7e15162 ^ Math.imul(seed, 0xc2b2ae35);
  let d = 1;
  const next32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next32();
  const next = () => next32() / 4294967296;
  const hex = (n: number) => {
    let out = '';
    while (out.length < n) out += next32().toString(16).padStart(8, '0');
    return out.slice(0, n);
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    exponential: (mean) => -Math.log(1 - next()) * mean,
    normal: (mean, stdDev) => {
      const u = 1 - next();
      const v = next();
      return mean + stdDev * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    hex,
    uuid: () => {
      const h = hex(32);
      const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
