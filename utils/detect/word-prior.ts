/**
 * Per-word prior of the English check-worthiness model: one weight per frequent English
 * word, baked from word vectors by scripts/train-claimbuster.ts (see WordPrior in
 * checkworthiness.ts). This module finds a token's slot in the shipped table.
 *
 * The table has 2^k slots filled by linear probing, most frequent word first;
 * fingerprints[slot] is a byte of the word's hash (1-255, 0 = empty slot), so a token
 * outside the vocabulary mostly finds nothing instead of a neighbour's weight.
 */
import { englishTokens, hashString } from './checkworthiness-features';

/** The word's hash: FNV-1a of "e:" + token (its own space, apart from the hashed model's "w:" words). */
function priorHash(token: string): number {
  return hashString('e:' + token);
}

function fingerprintOf(hash: number): number {
  return ((hash >>> 24) % 255) + 1;
}

/** Slot of `token` in the table with these fingerprints, or -1. */
export function wordPriorSlot(token: string, fingerprints: Uint8Array): number {
  const hash = priorHash(token);
  const fingerprint = fingerprintOf(hash);
  const mask = fingerprints.length - 1;
  for (let slot = hash & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++) {
    const stored = fingerprints[slot];
    if (stored === 0) return -1;
    if (stored === fingerprint) return slot;
  }
  return -1;
}

/** Where `token`'s probe starts in a table of 2^bits slots, and its fingerprint (the training script fills tables with these). */
export function wordPriorHome(token: string, bits: number): { slot: number; fingerprint: number } {
  const hash = priorHash(token);
  return { slot: hash & ((1 << bits) - 1), fingerprint: fingerprintOf(hash) };
}

/**
 * The slots of `sentence`'s distinct tokens found in the table, in first-seen order: the
 * reference the training script uses (the hashed scorer adds the same weights through
 * its token cache; tests compare the two).
 */
export function wordPriorSlots(sentence: string, fingerprints: Uint8Array): number[] {
  const slots: number[] = [];
  for (const token of new Set(englishTokens(sentence))) {
    const slot = wordPriorSlot(token, fingerprints);
    if (slot >= 0) slots.push(slot);
  }
  return slots;
}
