package dev.meshwalk.cloud;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for an AWS query-protocol service the local cloud does not serve (EC2's DescribeTags, IAM's
 * policy simulation): it answers each request with the next queued answer, in the shape the real service sends,
 * and keeps every request's decoded form so a test can check what went on the wire.
 */
final class RecordedAnswerServer implements AutoCloseable {

    private record Answer(int status, String body) {
    }

    private final ExecutorService threads;
    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());

    RecordedAnswerServer(String threadName) throws IOException {
        threads = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.setExecutor(threads);
        server.createContext("/", x -> {
            try (x) {
                requests.add(URLDecoder.decode(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8));
                Answer answer = answers.isEmpty() ? new Answer(200, "") : answers.remove(0);
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "text/xml;charset=UTF-8");
                x.sendResponseHeaders(answer.status(), body.length);
                x.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** Queues a 200 answer. */
    void answer(String body) {
        answer(200, body);
    }

    void answer(int status, String body) {
        answers.add(new Answer(status, body));
    }

    /** The request bodies received so far, URL-decoded, oldest first. */
    List<String> requests() {
        return requests;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
