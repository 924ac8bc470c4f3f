package dev.retention.examples.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.retention.examples.batch.NightlyScoring;
import dev.retention.examples.batch.ScoringModels;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.clv.Clv;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.clv.ClvTable;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.Verdict;
import dev.retention.rfm.RfmScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scoring service: the models that {@link NightlyScoring} saved, loaded once at start and served over HTTP on the
 * loopback address only, with the JDK's own server ({@link HttpServer}). Endpoints, all {@code GET} with query
 * parameters and JSON answers:
 * <ul>
 *   <li>{@code /score?recency=DAYS&frequency=ORDERS&monetary=SPEND}: the RFM scores and segment of raw values
 *       ({@code RfmModel.score}) and their k-means cluster ({@code KMeansModel.predict}, which applies the scaling the
 *       model was fitted with);</li>
 *   <li>{@code /lifetime?frequency=X&recency=T_X&age=T&monetary=M[&months=12]}: P(alive), expected purchases, expected
 *       spend per purchase and CLV over the horizon ({@link Clv#compute} on this one customer), for a history in the
 *       lifetime models' unit (weeks, as {@code /health} says): {@code frequency} repeat purchases, {@code recency}
 *       the time from the first to the last purchase, {@code age} the time since the first purchase, {@code monetary}
 *       the mean value of the repeat purchases (0 without any);</li>
 *   <li>{@code /health}: the loaded models with their types, schema versions, verdicts and warnings, and whether each
 *       is served.</li>
 * </ul>
 * A missing, repeated, unknown or non-numeric parameter, or a history out of range ({@code recency > age}, say), is
 * HTTP 400 with {@code {"error", "parameter", "value"}}; an unknown path 404; another method than GET 405. A model
 * whose fit was judged {@link Verdict#UNUSABLE} is not served: the service says so in an error log line at start,
 * and its endpoint answers 503.
 *
 * <p>The models are immutable, so the handlers share them without locks. Requests run on a small fixed pool of
 * {@value #THREADS} threads with a queue of {@value #QUEUE}; when both are full the server's dispatcher thread runs
 * the request itself, which slows accepting new connections instead of dropping any. {@link #stop(Duration)} stops
 * accepting, lets the requests in progress finish within the grace period, then ends the pool.
 *
 * <p>Run it from the repository root on the directory the batch job wrote (port 0 picks a free port):
 * <pre>{@code
 * java -cp retention-cli/target/retention.jar:examples/target/retention-examples.jar \
 *     dev.retention.examples.service.ScoringService retention-demo/scores 8080
 * curl 'http://127.0.0.1:8080/score?recency=12&frequency=3&monetary=250'
 * }</pre>
 * Exit status 2 on bad arguments, 1 when the models cannot be loaded or the port is taken; otherwise it serves until
 * stopped (Ctrl-C stops it gracefully).
 */
public final class ScoringService implements AutoCloseable {

    /** Port of {@link #main} when none is given. */
    public static final int DEFAULT_PORT = 8080;
    /** Grace period of {@link #close()} and of the shutdown hook of {@link #main}. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(1);
    /** Threads that answer requests. */
    static final int THREADS = 4;
    /** Requests waiting for a thread, at most. */
    static final int QUEUE = 64;
    /** The three columns, in order, that the k-means model must cluster, so that the query maps onto them. */
    static final List<String> RFM_COLUMNS = List.of("recency", "frequency", "monetary");

    private static final Logger LOG = LoggerFactory.getLogger(ScoringService.class);
    private static final List<String> SCORE_PARAMETERS = RFM_COLUMNS;
    private static final List<String> LIFETIME_PARAMETERS = List.of("frequency", "recency", "age", "monetary", "months");
    private static final int MAX_MONTHS = 1200;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final ScoringModels models;
    private final Set<String> refused;
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** An answer: HTTP status and JSON body. */
    private record Answer(int status, JsonObject body) {
        static Answer error(int status, String message) {
            return new Answer(status, new JsonObject().put("error", message));
        }
    }

    private ScoringService(HttpServer server, ThreadPoolExecutor executor, ScoringModels models, Set<String> refused) {
        this.server = server;
        this.executor = executor;
        this.models = models;
        this.refused = refused;
    }

    /**
     * Loads the models of a directory and serves them on 127.0.0.1.
     *
     * @param modelDirectory read: the output directory of {@link NightlyScoring}
     * @param port           the port, or 0 for any free port
     * @throws dev.retention.model.ModelFormatException if a model file is invalid (the file named)
     * @throws IllegalArgumentException                 if the port is out of range or the k-means model does not
     *                                                  cluster recency, frequency and monetary value
     * @throws IOException                              if a file cannot be read or the port cannot be bound
     */
    public static ScoringService start(Path modelDirectory, int port) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        return start(modelDirectory, new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
    }

    /**
     * Loads the models of a directory and serves them on a loopback address.
     *
     * @param modelDirectory read: the output directory of {@link NightlyScoring}
     * @param address        a loopback address (127.0.0.1, say) and a port (0 for any free port)
     * @throws IllegalArgumentException                 if the address is not a loopback address (the service has no
     *                                                  authentication, so it must not be reachable from other hosts),
     *                                                  or the k-means model does not cluster recency, frequency and
     *                                                  monetary value
     * @throws dev.retention.model.ModelFormatException if a model file is invalid (the file named)
     * @throws IOException                              if a file cannot be read or the address cannot be bound
     */
    public static ScoringService start(Path modelDirectory, InetSocketAddress address) throws IOException {
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the service binds to a loopback address only, such as 127.0.0.1; got "
                    + address);
        }
        ScoringModels models = ScoringModels.load(modelDirectory);
        if (!models.clusters().columnNames().equals(RFM_COLUMNS)) {
            throw new IllegalArgumentException(modelDirectory.resolve(ScoringModels.KMEANS_FILE) + " clusters "
                    + models.clusters().columnNames() + ", expected " + RFM_COLUMNS);
        }
        Set<String> refused = new LinkedHashSet<>();
        for (Map.Entry<String, Model> e : models.byFile().entrySet()) {
            FitSummary fit = e.getValue().fitSummary();
            if (fit.verdict() == Verdict.UNUSABLE) {
                refused.add(e.getKey());
                LOG.error("refusing to serve {}: its fit was judged UNUSABLE ({}); its endpoint answers 503 until the "
                        + "batch job writes a usable model", modelDirectory.resolve(e.getKey()), fit.warnings());
            } else if (fit.verdict() == Verdict.WARNING) {
                LOG.warn("serving {} with verdict WARNING: {}", modelDirectory.resolve(e.getKey()), fit.warnings());
            }
        }
        HttpServer server = HttpServer.create(address, 0);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), threads(), new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        ScoringService service = new ScoringService(server, executor, models, Set.copyOf(refused));
        server.createContext("/", service::handle);
        server.start();
        LOG.info("serving {} on {}", modelDirectory, service.uri());
        return service;
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return r -> new Thread(r, "scoring-http-" + count.incrementAndGet());
    }

    /** The address the service is bound to, with the port it got. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The service's base URI, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    /**
     * Stops the service: no new connection is accepted, requests in progress get up to {@code grace} (in whole
     * seconds) to finish, then the threads end. Later calls do nothing. JDK 17's server waits out the whole grace
     * period even when no request is in progress.
     *
     * @param grace how long to wait for requests in progress; {@link Duration#ZERO} closes at once
     */
    public void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        server.stop((int) Math.min(Integer.MAX_VALUE, grace.toSeconds()));
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped");
    }

    /** {@link #stop(Duration)} with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    // ---- requests ----

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Answer answer;
            try {
                answer = answer(exchange.getRequestMethod(), exchange.getRequestURI());
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                answer = Answer.error(500, "internal error: " + e);
            }
            byte[] body = answer.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            if (answer.status() == 405) {
                exchange.getResponseHeaders().set("Allow", "GET");
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            LOG.debug("could not answer {}: {}", exchange.getRequestURI(), e.toString());   // the client went away
        }
    }

    private Answer answer(String method, URI uri) {
        String path = uri.getPath();
        if (!List.of("/score", "/lifetime", "/health").contains(path)) {
            return Answer.error(404, "no endpoint " + path + "; the endpoints are /score, /lifetime and /health");
        }
        if (!method.equals("GET")) {
            return Answer.error(405, "method " + method + " is not allowed on " + path + "; use GET");
        }
        try {
            return switch (path) {
                case "/score" -> score(QueryParameters.parse(uri.getRawQuery(), SCORE_PARAMETERS));
                case "/lifetime" -> lifetime(QueryParameters.parse(uri.getRawQuery(), LIFETIME_PARAMETERS));
                default -> health();
            };
        } catch (BadRequestException e) {
            return new Answer(400, e.toJson());
        }
    }

    private Answer score(QueryParameters q) throws BadRequestException {
        double recency = q.nonNegative("recency");
        double frequency = q.nonNegative("frequency");
        double monetary = q.nonNegative("monetary");
        Answer unavailable = unavailable(ScoringModels.RFM_FILE, ScoringModels.KMEANS_FILE);
        if (unavailable != null) {
            return unavailable;
        }
        RfmScore s = models.rfm().score(recency, frequency, monetary);
        int cluster = models.clusters().predict(new double[] {recency, frequency, monetary});
        return new Answer(200, new JsonObject().put("recency", recency).put("frequency", frequency)
                .put("monetary", monetary).put("r", s.r()).put("f", s.f()).put("m", s.m()).put("code", s.code())
                .put("weighted", s.weighted()).put("segment", s.segment()).put("cluster", cluster));
    }

    private Answer lifetime(QueryParameters q) throws BadRequestException {
        int frequency = q.integer("frequency", 0, Integer.MAX_VALUE);
        double age = q.nonNegative("age");
        double recency = q.nonNegative("recency");
        double monetary = q.nonNegative("monetary");
        int months = q.integer("months", 1, MAX_MONTHS, NightlyScoring.CLV_MONTHS);
        if (recency > age) {
            throw new BadRequestException("recency", q.text("recency"), "recency must be in [0, age=" + q.text("age")
                    + "], got " + q.text("recency") + ": the last purchase cannot come after the end of the history");
        }
        if (frequency == 0 && recency != 0) {
            throw new BadRequestException("recency", q.text("recency"), "recency must be 0 when frequency is 0, got "
                    + q.text("recency"));
        }
        if (frequency > 0 && monetary == 0) {
            throw new BadRequestException("monetary", q.text("monetary"), "monetary must be > 0 for a customer with "
                    + "repeat purchases (frequency " + frequency + "), got " + q.text("monetary"));
        }
        Answer unavailable = unavailable(ScoringModels.BGNBD_FILE, ScoringModels.GAMMA_GAMMA_FILE);
        if (unavailable != null) {
            return unavailable;
        }
        CustomerSummary customer = CustomerSummary.of(null, new int[] {frequency}, new double[] {recency},
                new double[] {age}, new double[] {monetary}, models.purchases().unit());
        ClvTable clv = Clv.compute(models.purchases(), models.spend(), customer,
                ClvOptions.defaults().withHorizonMonths(months));
        return new Answer(200, new JsonObject().put("frequency", frequency).put("recency", recency).put("age", age)
                .put("monetary", monetary).put("unit", models.purchases().unit().label()).put("months", months)
                .put("p_alive", clv.probabilityAlive(0)).put("expected_purchases", clv.expectedPurchases(0))
                .put("expected_spend", clv.expectedSpend(0)).put("clv", clv.clv(0)));
    }

    /** A 503 answer when one of the files is refused, else {@code null}. */
    private Answer unavailable(String... files) {
        for (String f : files) {
            if (refused.contains(f)) {
                return Answer.error(503, f + " is not served: its fit was judged UNUSABLE");
            }
        }
        return null;
    }

    private Answer health() {
        List<JsonObject> list = new ArrayList<>();
        for (Map.Entry<String, Model> e : models.byFile().entrySet()) {
            Model m = e.getValue();
            FitSummary fit = m.fitSummary();
            list.add(new JsonObject().put("file", e.getKey()).put("type", m.modelType())
                    .put("schema", m.schemaVersion()).put("algorithm", fit.algorithm())
                    .put("verdict", fit.verdict().name()).putStrings("warnings", fit.warnings())
                    .put("served", !refused.contains(e.getKey())));
        }
        return new Answer(200, new JsonObject().put("status", refused.isEmpty() ? "ok" : "degraded")
                .put("lifetime_unit", models.purchases().unit().label()).putObjects("models", list));
    }

    /**
     * Starts the service; see the class comment.
     *
     * @param args the model directory, optionally the port ({@value #DEFAULT_PORT} if not given, 0 for any)
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ScoringService MODEL_DIRECTORY [PORT]");
            System.exit(2);
        }
        int port = -1;
        try {
            port = args.length == 2 ? Integer.parseInt(args[1]) : DEFAULT_PORT;
        } catch (NumberFormatException e) {
            // reported below
        }
        if (port < 0 || port > 65_535) {
            System.err.println("bad argument: the port must be a whole number in [0, 65535], got '" + args[1] + "'");
            System.exit(2);
        }
        ScoringService service;
        try {
            service = start(Path.of(args[0]), port);
        } catch (NoSuchFileException e) {
            System.err.println("cannot start: no such file: " + e.getFile());
            System.exit(1);
            return;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "scoring-service-stop"));
        System.out.println("scoring service on " + service.uri() + " serving " + args[0] + "; Ctrl-C stops it");
    }
}
