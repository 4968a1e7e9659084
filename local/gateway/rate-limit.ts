/** Requests per second, and how many may arrive at once: API Gateway's throttle settings. */
export interface RateLimit {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * A token bucket per key, as API Gateway throttles: `burstLimit` tokens to start, refilled
 * at `rateLimit` a second. `take` is false when the bucket is empty (a 429).
 */
export function createRateLimiter(limit: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key: string): boolean {
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: limit.burstLimit, at };
      const tokens = Math.min(limit.burstLimit, bucket.tokens + ((at - bucket.at) / 1000) * limit.rateLimit);
      const allowed = tokens >= 1;
      buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at });
      return allowed;
    },
  };
}
