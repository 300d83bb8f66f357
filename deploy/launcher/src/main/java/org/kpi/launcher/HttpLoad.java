package org.kpi.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load generator that keeps a fixed number of keep-alive connections busy:
 * each connection sends its next request as soon as the previous answer has been read, like
 * {@code wrk -c N}. Runs on one Vert.x event loop, so it takes little of the machine's CPU from
 * the service it measures.
 */
final class HttpLoad implements AutoCloseable {

    /** One request to send: method, path with query, bearer token and an optional JSON body. */
    record Call(HttpMethod method, String uri, String token, Buffer body) {

        static Call get(String uri, String token) {
            return new Call(HttpMethod.GET, uri, token, null);
        }

        static Call post(String uri, String token, String json) {
            return new Call(HttpMethod.POST, uri, token, Buffer.buffer(json));
        }
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));

    /**
     * Runs {@code calls} over {@code connections} connections to {@code port}: {@code warmUp}
     * unrecorded, then {@code measure} recorded; {@code atMeasureStart} runs in between.
     */
    LoadResult run(int port, int connections, Supplier<Call> calls, Duration warmUp, Duration measure,
                   Runnable atMeasureStart) throws InterruptedException {
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port).setKeepAlive(true)
                        .setPipelining(false).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(connections));
        try {
            Phase warm = new Phase(System.nanoTime() + warmUp.toNanos(), null);
            runPhase(client, connections, calls, warm);
            atMeasureStart.run();
            LoadRecorder recorder = new LoadRecorder();
            Phase measured = new Phase(System.nanoTime() + measure.toNanos(), recorder);
            long started = System.nanoTime();
            runPhase(client, connections, calls, measured);
            return recorder.result(Duration.ofNanos(System.nanoTime() - started));
        } finally {
            client.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void runPhase(HttpClient client, int connections, Supplier<Call> calls, Phase phase)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            vertx.runOnContext(ignored -> next(client, calls, phase, done));
        }
        if (!done.await(Duration.ofNanos(phase.endNanos - System.nanoTime()).plusSeconds(60).toMillis(),
                TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("压测请求在结束后 60 秒内仍未返回");
        }
    }

    private void next(HttpClient client, Supplier<Call> calls, Phase phase, CountDownLatch done) {
        if (System.nanoTime() >= phase.endNanos) {
            done.countDown();
            return;
        }
        Call call = calls.get();
        long sent = System.nanoTime();
        RequestOptions options = new RequestOptions().setMethod(call.method()).setURI(call.uri())
                .putHeader("Authorization", "Bearer " + call.token()).putHeader("Accept", "application/json");
        if (call.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        client.request(options)
                .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(outcome -> {
                    if (phase.recorder != null) {
                        phase.recorder.record(System.nanoTime() - sent, outcome.succeeded() ? outcome.result() : 0);
                    }
                    next(client, calls, phase, done);
                });
    }

    private record Phase(long endNanos, LoadRecorder recorder) {
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
