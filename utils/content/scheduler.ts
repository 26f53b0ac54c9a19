/** Small helpers to keep work off the critical path of the page. */

type IdleWindow = Window & {
  requestIdleCallback?: (cb: (deadline: { timeRemaining(): number; didTimeout: boolean }) => void, options?: { timeout: number }) => number;
  scheduler?: { yield?: () => Promise<void> };
};

/** Resolves in an idle period (or after `timeout` ms at the latest). */
export function whenIdle(win: Window, timeout = 500): Promise<void> {
  const w = win as IdleWindow;
  return new Promise((resolve) => {
    if (typeof w.requestIdleCallback === 'function') w.requestIdleCallback(() => resolve(), { timeout });
    else win.setTimeout(resolve, 1);
  });
}

/** Gives the page a turn: scheduler.yield() where available, else a macrotask. */
export function yieldToMain(win: Window): Promise<void> {
  const w = win as IdleWindow;
  if (typeof w.scheduler?.yield === 'function') return w.scheduler.yield();
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

/**
 * Coalesces bursts of calls: runs `task` once things have been quiet for
 * `quietMs`, but never later than `maxWaitMs` after the first call.
 */
export function debounce(win: Window, task: () => void, quietMs: number, maxWaitMs: number): { (): void; cancel(): void } {
  let timer: number | undefined;
  let first = 0;
  const run = () => {
    timer = undefined;
    first = 0;
    task();
  };
  const call = () => {
    const now = Date.now();
    if (!first) first = now;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = win.setTimeout(run, Math.max(0, Math.min(quietMs, first + maxWaitMs - now)));
  };
  call.cancel = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    first = 0;
  };
  return call;
}
