package org.kpi.notify.channels;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMS gateway on 127.0.0.1 speaking {@link HttpSmsGateway}'s protocol: it checks the credential,
 * answers with the status a test sets, and keeps every request body. notify-service is pointed at
 * it ({@code kpi.notify.sms.url}); tests get it in a field of this type marked {@link InjectSmsPeer}.
 */
public class SmsGatewayPeer implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "Bearer sms-test-token-7f3a";

    private HttpServer server;
    private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Sms-Token")) ? status.get() : 401;
            if (answer / 100 == 2) {
                accepted.add(body);
            }
            byte[] reply = ("{\"status\":" + answer + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        return Map.of(
                "kpi.notify.sms.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send",
                "kpi.notify.sms.auth-header", "X-Sms-Token",
                "kpi.notify.sms.auth-value", TOKEN);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(InjectSmsPeer.class, SmsGatewayPeer.class));
    }

    /** The bodies of the requests accepted so far. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** The status the next requests get (when their credential is right). */
    public void answer(int code) {
        status.set(code);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
