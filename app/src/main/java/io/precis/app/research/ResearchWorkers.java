package io.precis.app.research;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The bounded worker pool: claims queued jobs (and running ones whose lease ran out) from the shared table, runs
 * them, and renews the lease of the ones it holds. Any number of instances may run this against one database.
 */
@Component
class ResearchWorkers {
    private static final Logger log = LoggerFactory.getLogger(ResearchWorkers.class);

    private final ResearchStore store;
    private final ResearchRunner runner;
    private final ResearchProperties props;
    private final ResearchQueue queue;
    private final boolean commandLine;
    /** Names this instance in leases; random, so that no host names end up in the database. */
    private final String workerId = "worker-" + UUID.randomUUID();
    private final Semaphore slots;
    private final ExecutorService pool;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(ResearchRunner.daemon("research-poll"));
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    ResearchWorkers(ResearchStore store, ResearchRunner runner, ResearchProperties props, ResearchQueue queue,
                    @Value("${precis.cli.command:}") String cliCommand) {
        this.store = store;
        this.queue = queue;
        this.runner = runner;
        this.props = props;
        this.commandLine = cliCommand != null && !cliCommand.isBlank();
        this.slots = new Semaphore(props.workers());
        this.pool = Executors.newFixedThreadPool(props.workers(), ResearchRunner.daemon("research-worker"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (commandLine) return;
        runner.warmUp();
        long heartbeat = Math.max(1000, props.lease().toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::claim, 0, 1000, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::renew, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    /** Claims work now rather than at the next poll (a job was just submitted). */
    void wake() {
        if (!commandLine) scheduler.execute(this::claim);
    }

    private void claim() {
        try {
            if (queue.paused()) return;
            while (slots.tryAcquire()) {
                var claim = store.claim(workerId, props.lease().toMillis());
                if (claim.isEmpty()) {
                    slots.release();
                    return;
                }
                UUID id = claim.get().id();
                running.add(id);
                pool.execute(() -> {
                    try (var mdc = JobLogContext.open(id, claim.get().requestId())) {
                        run(id, claim.get().attempts());
                    } finally {
                        running.remove(id);
                        slots.release();
                        wake();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Could not claim research jobs: {}", e.getMessage());
        }
    }

    private void run(UUID id, int attempt) {
        try {
            log.info("Research job {} claimed (attempt {})", id, attempt);
            runner.run(id);
        } catch (RuntimeException e) {
            // the database went away: the lease runs out and the job is claimed again
            log.error("Research job {} stopped unexpectedly", id, e);
        }
    }

    private void renew() {
        for (UUID id : running) {
            try {
                store.renew(id, workerId, props.lease().toMillis());
            } catch (RuntimeException e) {
                log.warn("Could not renew the lease of research job {}: {}", id, e.getMessage());
            }
        }
    }

    Map<String, Object> state() {
        return Map.of("worker", workerId, "running", Set.copyOf(running));
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        pool.shutdownNow();
        runner.stop();
    }
}
