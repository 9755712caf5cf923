package io.precis.inference.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns the lines of a {@code text/event-stream} body into events for a langchain4j listener, and ends the stream
 * with a timeout when nothing arrives for too long. The listener hears exactly one of {@code onClose} and
 * {@code onError}.
 */
final class SseLineSubscriber implements Flow.Subscriber<String> {

    private final ServerSentEventListener listener;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final StringBuilder data = new StringBuilder();
    private volatile Flow.Subscription subscription;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile ScheduledFuture<?> watchdog;
    private String eventName;
    private boolean hasData;

    SseLineSubscriber(ServerSentEventListener listener) {
        this.listener = listener;
    }

    void open(SuccessfulHttpResponse response) {
        lastActivityNanos = System.nanoTime();
        try {
            listener.onOpen(response);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Checks a few times per timeout whether the stream has gone quiet; covers the wait for headers too. */
    void watch(ScheduledExecutorService scheduler, Duration timeout) {
        long period = Math.max(10, timeout.toMillis() / 4);
        watchdog = scheduler.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastActivityNanos > timeout.toNanos()) {
                fail(new TimeoutException(new HttpTimeoutException("no data from the endpoint for " + timeout)));
            }
        }, period, period, TimeUnit.MILLISECONDS);
        if (ended.get()) {
            watchdog.cancel(false);
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (ended.get()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(String line) {
        lastActivityNanos = System.nanoTime();
        if (ended.get()) {
            return;
        }
        try {
            accept(line);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        fail(error);
    }

    @Override
    public void onComplete() {
        if (ended.get()) {
            return;
        }
        try {
            dispatch();
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        if (end()) {
            listener.onClose();
        }
    }

    void fail(Throwable error) {
        if (end()) {
            listener.onError(error);
        }
    }

    private boolean end() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        ScheduledFuture<?> w = watchdog;
        if (w != null) {
            w.cancel(false);
        }
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        return true;
    }

    /** The event-stream format of the HTML standard, less {@code id} and {@code retry}, which chat streams do not use. */
    private void accept(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if ("data".equals(field)) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        } else if ("event".equals(field)) {
            eventName = value;
        }
    }

    private void dispatch() {
        if (hasData) {
            ServerSentEvent event = new ServerSentEvent(eventName, data.toString());
            data.setLength(0);
            hasData = false;
            eventName = null;
            listener.onEvent(event);
        } else {
            eventName = null;
        }
    }
}
