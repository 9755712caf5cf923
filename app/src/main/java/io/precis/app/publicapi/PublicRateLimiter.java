package io.precis.app.publicapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A token bucket per client address, in memory: {@code capacity} requests at once, refilled evenly over
 * {@code period}. Buckets that have refilled completely are forgotten when the map grows past {@code maxClients}
 * (and every so often anyway), so the map cannot grow without bound. Per instance: with several replicas the
 * effective limit is replicas x capacity.
 */
class PublicRateLimiter {
    private final int capacity;
    private final double nanosPerToken;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    PublicRateLimiter(int capacity, Duration period, int maxClients, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("precis.public.rate-limit must be at least 1");
        if (period.isZero() || period.isNegative()) throw new IllegalArgumentException("precis.public.rate-period must be positive");
        this.capacity = capacity;
        this.nanosPerToken = (double) period.toNanos() / capacity;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Takes a token for {@code client}; empty when allowed, else the whole seconds to wait before the next one. */
    OptionalLong tryAcquire(String client) {
        long now = nanos();
        if (calls.incrementAndGet() % 1024 == 0 || buckets.size() > maxClients) evictIdle(now);
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return OptionalLong.empty();
            }
            double waitNanos = (1 - bucket.tokens) * nanosPerToken;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
        }
    }

    /**
     * Takes a token for the request's client address.
     *
     * @throws TooManyRequests (429 with {@code Retry-After}) when its bucket is empty
     */
    void acquire(HttpServletRequest request) {
        OptionalLong wait = tryAcquire(request.getRemoteAddr());
        if (wait.isPresent()) throw new TooManyRequests(wait.getAsLong());
    }

    /** Forgets every client (tests). */
    void reset() {
        buckets.clear();
    }

    int clients() {
        return buckets.size();
    }

    private void evictIdle(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                e.getValue().refill(now);
                return e.getValue().tokens >= capacity;
            }
        });
    }

    private long nanos() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        void refill(long now) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) / nanosPerToken);
                updated = now;
            }
        }
    }
}
