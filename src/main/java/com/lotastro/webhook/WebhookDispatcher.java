package com.lotastro.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the delivery pipeline on every instance: a short poll ({@code lotastro.webhooks.poll-interval}, 200 ms by
 * default) fans out new events and leases as many due deliveries as there are free senders; each is sent on a sender
 * thread and recorded when its answer (or timeout) comes. Not a Quartz job: a once-a-minute cron would make every
 * delivery wait, and the leases already keep instances from sending the same delivery.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int FAN_OUT_BATCH = 500;
    private static final long GAUGE_REFRESH_MILLIS = 10_000;

    @Inject
    WebhookConfig config;

    @Inject
    DeliveryWorker worker;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookMetrics metrics;

    private ScheduledExecutorService poller;
    private ExecutorService senders;
    private Semaphore free;
    private volatile long gaugesRefreshedAt;
    private volatile boolean stopping;

    void start(@Observes StartupEvent startup) {
        if (!config.workerEnabled()) {
            LOG.info("Webhook delivery is off on this instance (lotastro.webhooks.worker-enabled=false)");
            return;
        }
        free = new Semaphore(config.concurrency());
        senders = Executors.newFixedThreadPool(config.concurrency(), daemon("webhook-sender"));
        poller = Executors.newSingleThreadScheduledExecutor(daemon("webhook-poller"));
        poller.scheduleWithFixedDelay(this::poll, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (poller != null) {
            poller.shutdownNow();
            senders.shutdown();
            try {
                senders.awaitTermination(config.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One poll: work until nothing is left to fan out or send. Never throws, or the schedule would stop. */
    void poll() {
        try {
            boolean busy = true;
            while (busy && !stopping) {
                int fanned = worker.fanOut(FAN_OUT_BATCH);
                int slots = free.availablePermits();
                List<DeliveryWorker.Claim> claims = worker.claim(slots);
                claims.forEach(this::dispatch);
                busy = fanned == FAN_OUT_BATCH || !claims.isEmpty() && claims.size() == slots;
            }
            refreshGauges();
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warnf(e, "Webhook poll failed; trying again in %s", config.pollInterval());
            }
        }
    }

    private void dispatch(DeliveryWorker.Claim claim) {
        free.acquireUninterruptibly();
        senders.execute(() -> {
            try {
                WebhookSender.Outcome outcome = sender.send(claim.url(), claim.eventId(), claim.body(), claim.secrets());
                worker.record(claim, outcome);
            } catch (RuntimeException e) {
                // The lease runs out and the delivery is sent again: nothing is lost.
                LOG.warnf(e, "Delivery %s could not be recorded; it is sent again once its lease ends", claim.deliveryId());
            } finally {
                free.release();
            }
        });
    }

    private void refreshGauges() {
        long now = System.currentTimeMillis();
        if (now - gaugesRefreshedAt >= GAUGE_REFRESH_MILLIS) {
            gaugesRefreshedAt = now;
            metrics.refresh(worker.deadDeliveries(), worker.oldestUndeliveredPerEndpoint());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
