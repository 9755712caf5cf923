package io.precis.inference.llm;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with a little jitter, yielding to the server's Retry-After. */
final class Backoff {

    /** Waits; tests record the waits instead. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration initial;
    private final Duration max;
    private final Sleeper sleeper;

    Backoff(LlmConfig config, Sleeper sleeper) {
        this.initial = config.initialBackoff();
        this.max = config.maxBackoff();
        this.sleeper = sleeper;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first): {@code initial × 2^(retry-1)}, up to 20% more so
     * that clients do not retry in step, capped at the maximum; at least what Retry-After asks. Null when Retry-After
     * asks for more than the maximum: a summary that waits that long is worse than the fallback.
     */
    Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null && retryAfter.compareTo(max) > 0) {
            return null;
        }
        long base = initial.toMillis() << Math.min(retry - 1, 20);
        long jittered = Math.min(max.toMillis(), base + (long) (base * 0.2 * ThreadLocalRandom.current().nextDouble()));
        Duration exponential = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(exponential) > 0 ? retryAfter : exponential;
    }

    void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmUnavailableException("interrupted while waiting to retry", e);
        }
    }

    static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
