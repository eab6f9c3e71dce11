package dev.meshwalk.apps.common;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Sends the OTLP exporter's requests with {@link HttpURLConnection} on an executor shared by every in-process app. The
 * SDK's default JDK sender gives each exporter its own {@code HttpClient}: a selector thread and a pool of workers per
 * app instance. This one owns no thread; idle connections to the agent stay in the JDK's keep-alive cache (one timer
 * thread per JVM, while any is cached). A failed request is reported to the exporter and not retried: spans are
 * best-effort, and the next batch follows within a second.
 */
final class UrlConnectionOtlpSender implements HttpSender {
    /** An agent's answer is a few bytes; more than this is not read. */
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final HttpSenderConfig config;
    private final Executor executor;

    private UrlConnectionOtlpSender(HttpSenderConfig config, Executor executor) {
        this.config = config;
        this.executor = executor;
    }

    /** Senders for exporters built with this provider (through their component loader) run on {@code executor}. */
    static HttpSenderProvider provider(Executor executor) {
        return config -> new UrlConnectionOtlpSender(config, executor);
    }

    @Override
    public void send(MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
        try {
            executor.execute(() -> {
                HttpResponse response;
                try {
                    response = post(message);
                } catch (IOException | RuntimeException failed) {
                    onError.accept(failed);
                    return;
                }
                onResponse.accept(response);
            });
        } catch (RejectedExecutionException stopped) {
            onError.accept(stopped);
        }
    }

    private HttpResponse post(MessageWriter message) throws IOException {
        URL url = config.getEndpoint().toURL();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout((int) config.getConnectTimeout().toMillis());
        connection.setReadTimeout((int) config.getTimeout().toMillis());
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setUseCaches(false);
        connection.setRequestProperty("Content-Type", config.getContentType());
        Map<String, List<String>> headers = config.getHeadersSupplier() == null ? Map.of()
                : config.getHeadersSupplier().get();
        if (headers != null) {
            headers.forEach((name, values) -> values.forEach(value -> connection.addRequestProperty(name, value)));
        }
        Compressor compressor = config.getCompressor();
        if (compressor == null) {
            connection.setFixedLengthStreamingMode(message.getContentLength());
        } else {
            connection.setRequestProperty("Content-Encoding", compressor.getEncoding());
            connection.setChunkedStreamingMode(0);
        }
        try {
            try (OutputStream body = compressor == null ? connection.getOutputStream()
                    : compressor.compress(connection.getOutputStream())) {
                message.writeMessage(body);
            }
            int status = connection.getResponseCode();
            String statusMessage = connection.getResponseMessage();
            byte[] answer;
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                answer = in == null ? new byte[0] : in.readNBytes(MAX_RESPONSE_BYTES);
            }
            return new Answer(status, statusMessage == null ? "" : statusMessage, answer);
        } catch (IOException failed) {
            connection.disconnect();
            throw failed;
        }
    }

    /** The executor is shared and not this sender's to stop. */
    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    private static final class Answer implements HttpResponse {
        private final int status;
        private final String message;
        private final byte[] body;

        Answer(int status, String message, byte[] body) {
            this.status = status;
            this.message = message;
            this.body = body;
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        public String getStatusMessage() {
            return message;
        }

        @Override
        public byte[] getResponseBody() {
            return body;
        }
    }
}
