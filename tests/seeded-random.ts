/**
 * Deterministic pseudo-random numbers for the tests that compare a fast path with its
 * definition on generated input: the same seed gives the same cases on every run, so a
 * failure can be replayed.
 */

/** Linear congruential generator (glibc's constants, 31 bits), in [0, 1]. */
export function lcgRandom(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** xorshift32, in [0, 1). */
export function xorshiftRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** `count` strings, each of 0 to `maxPieces - 1` pieces drawn with `random`. */
export function randomJoins(pieces: readonly string[], count: number, maxPieces: number, random: () => number): string[] {
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = Math.floor(random() * maxPieces);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    out.push(text);
  }
  return out;
}
