import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's HTTP side (run with {@code java bench/LoadGenerator.java <command> ...}, JDK only):
 * <ul>
 *   <li>{@code seed BASE KEY ITEMS}: ITEMS catalog items BQ-0000.. (color BC) and the hot items HOT-100 and HOT-10000,
 *       each with one lot of one large roll;</li>
 *   <li>{@code closed BASE KEY ITEMS CONCURRENCY SECONDS [QUALITY]}: saturation, CONCURRENCY callers each sending the
 *       next reservation when the last was answered, on a random item (or the one named);</li>
 *   <li>{@code open BASE KEY ITEMS RATE SECONDS}: an open model at a fixed rate; latency counts from when a request
 *       was due, not from when it could be sent (as wrk2 does), so a stalled server cannot hide its queue;</li>
 *   <li>{@code sequential BASE KEY ITEMS N}: N reservations one after the other (no contention);</li>
 *   <li>{@code replay BASE KEY ITEMS N}: N reservations with an Idempotency-Key, then each again: latency of first
 *       answers and replays, and whether every replay is byte-identical.</li>
 * </ul>
 * Each command prints one line of {@code name=value} pairs.
 */
public class LoadGenerator {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();

    private static String base;
    private static String key;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        base = args[1];
        key = args[2];
        int items = Integer.parseInt(args[3]);
        switch (args[0]) {
            case "seed" -> seed(items);
            case "closed" -> closed(items, Integer.parseInt(args[4]), Integer.parseInt(args[5]), args.length > 6 ? args[6] : null);
            case "open" -> open(items, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "sequential" -> sequential(items, Integer.parseInt(args[4]));
            case "replay" -> replay(items, Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    static String quality(int i) {
        return String.format("BQ-%04d", i);
    }

    static void seed(int items) throws Exception {
        List<String> qualities = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            qualities.add(quality(i));
        }
        qualities.add("HOT-100");
        qualities.add("HOT-10000");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger failed = new AtomicInteger();
        for (String q : qualities) {
            pool.submit(() -> {
                try {
                    HttpResponse<String> item = send(post("/v1/catalog-items", "{\"quality_code\":\"" + q
                            + "\",\"color_code\":\"BC\",\"low_stock_threshold_meters\":0}", null));
                    String id = item.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                    String meters = q.startsWith("HOT") ? "9000000" : "900000";
                    HttpResponse<String> lot = send(post("/v1/lots", "{\"lot_number\":\"L-" + q + "\",\"catalog_item_id\":\"" + id
                            + "\",\"received_at\":\"2026-11-20T08:30:00Z\",\"rolls\":[{\"barcode\":\"R-" + q + "\",\"meters\":" + meters + "}]}", null));
                    if (item.statusCode() != 201 || lot.statusCode() != 201) {
                        failed.incrementAndGet();
                        System.err.println(q + ": " + item.statusCode() + " " + lot.statusCode() + " " + lot.body());
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    e.printStackTrace();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        System.out.printf("seeded=%d failed=%d%n", qualities.size(), failed.get());
    }

    static void closed(int items, int concurrency, int seconds, String fixedQuality) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong serverErrors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            Thread worker = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    int status = status(reservation(fixedQuality != null ? fixedQuality : randomQuality(items)));
                    mine.add(System.nanoTime() - sent);
                    count(status, errors, serverErrors);
                }
                latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
                done.countDown();
            });
            worker.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("mode=closed concurrency=%d seconds=%.1f requests=%d req_per_s=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d server_errors=%d%n",
                concurrency, elapsed, all.length, all.length / elapsed, pct(all, 50), pct(all, 99), errors.get(), serverErrors.get());
    }

    static void open(int items, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latency = new long[total];
        AtomicLong errors = new AtomicLong();
        AtomicLong serverErrors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            HTTP.sendAsync(reservation(randomQuality(items)), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latency[index] = System.nanoTime() - due;
                        count(failure == null ? response.statusCode() : -1, errors, serverErrors);
                        done.countDown();
                    });
        }
        done.await(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        System.out.printf("mode=open rate=%d seconds=%.1f requests=%d p50_ms=%.2f p99_ms=%.2f errors=%d server_errors=%d%n",
                rate, elapsed, total, pct(sorted, 50), pct(sorted, 99), errors.get(), serverErrors.get());
    }

    static void sequential(int items, int n) throws Exception {
        long[] latency = new long[n];
        int failed = 0;
        for (int i = 0; i < n; i++) {
            long sent = System.nanoTime();
            int status = status(reservation(randomQuality(items)));
            latency[i] = System.nanoTime() - sent;
            failed += status == 201 ? 0 : 1;
        }
        Arrays.sort(latency);
        System.out.printf("mode=sequential requests=%d p50_ms=%.2f p99_ms=%.2f failed=%d%n", n, pct(latency, 50), pct(latency, 99), failed);
    }

    static void replay(int items, int n) throws Exception {
        long[] first = new long[n];
        long[] again = new long[n];
        int differing = 0;
        int failed = 0;
        List<String[]> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String idempotencyKey = UUID.randomUUID().toString();
            String body = reservationBody(randomQuality(items));
            long t = System.nanoTime();
            HttpResponse<String> response = send(post("/v1/reservations", body, idempotencyKey));
            first[i] = System.nanoTime() - t;
            failed += response.statusCode() == 201 ? 0 : 1;
            sent.add(new String[] {idempotencyKey, body, response.body()});
        }
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<String> response = send(post("/v1/reservations", sent.get(i)[1], sent.get(i)[0]));
            again[i] = System.nanoTime() - t;
            differing += response.body().equals(sent.get(i)[2]) ? 0 : 1;
        }
        Arrays.sort(first);
        Arrays.sort(again);
        System.out.printf("mode=replay requests=%d first_p50_ms=%.2f replay_p50_ms=%.2f ratio=%.2f replays_not_byte_identical=%d failed=%d%n",
                n, pct(first, 50), pct(again, 50), pct(again, 50) / pct(first, 50), differing, failed);
    }

    static String randomQuality(int items) {
        return quality(ThreadLocalRandom.current().nextInt(items));
    }

    static String reservationBody(String quality) {
        return "{\"crm_deal_id\":\"" + UUID.randomUUID() + "\",\"crm_customer_id\":\"" + UUID.randomUUID()
                + "\",\"ship_intent\":\"unknown\",\"sales_owner_email\":\"owner@example.com\",\"lines\":[{\"crm_deal_line_id\":\""
                + UUID.randomUUID() + "\",\"quality_code\":\"" + quality + "\",\"color_code\":\"BC\",\"meters\":1.5}]}";
    }

    static HttpRequest reservation(String quality) {
        return post("/v1/reservations", reservationBody(quality), null);
    }

    static HttpRequest post(String path, String body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static int status(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static void count(int status, AtomicLong errors, AtomicLong serverErrors) {
        if (status != 201) {
            errors.incrementAndGet();
        }
        if (status >= 500 || status < 0) {
            serverErrors.incrementAndGet();
        }
    }

    static double pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
