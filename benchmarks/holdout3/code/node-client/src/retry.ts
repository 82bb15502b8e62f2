import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  baseMs?: number;
  capMs?: number;
  maxAttempts?: number;
  signal?: AbortSignal;
  onRetry?: (attempt: number, delayMs: number, err: unknown) => void;
}

/** "Full jitter" from the AWS architecture blog: sleep = random(0, min(cap, base * 2^n)). */
export function nextDelay(attempt: number, baseMs = 500, capMs = 30_000): number {
  const ceiling = Math.min(capMs, baseMs * Math.pow(2, attempt));
  // ok: backoff-without-jitter
  return Math.round(Math.random() * ceiling);
}

/** Decorrelated jitter variant, used by the bulk importer. */
export function decorrelated(prevMs: number, baseMs = 500, capMs = 30_000): number {
  // ok: backoff-without-jitter
  return Math.min(capMs, baseMs + Math.random() * (prevMs * 3 - baseMs));
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const { baseMs = 500, capMs = 30_000, maxAttempts = Infinity, signal, onRetry } = opts;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (signal?.aborted || attempt + 1 >= maxAttempts) throw err;
      const delay = nextDelay(attempt, baseMs, capMs);
      onRetry?.(attempt, delay, err);
      // ok: reconnect-without-backoff
      await sleep(delay, undefined, { signal });
    }
  }
}
