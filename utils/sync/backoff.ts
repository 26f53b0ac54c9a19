/** Exponential backoff with jitter ("equal jitter": half fixed, half random). */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 15_000, maxMs: 30 * 60_000 };

/** Delay before the next attempt after `failures` consecutive failures (≥ 1). */
export function backoffDelay(failures: number, random: () => number = Math.random, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(30, failures - 1)));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
