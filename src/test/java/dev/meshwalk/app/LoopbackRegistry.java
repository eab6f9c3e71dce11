package dev.meshwalk.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import dev.meshwalk.cloud.RegistryLogin;

/**
 * A container registry on 127.0.0.1 speaking the part of the Docker Registry HTTP API v2 a Jib push uses (version
 * check, blob HEAD, chunked upload POST/PATCH/PUT, manifest HEAD/GET/PUT), plus the {@link ImageRegistry} view of
 * it. It stands in for ECR, which the local cloud does not serve, so the image step is proven end to end:
 * built with Jib, uploaded over HTTP, checked by tag before pushing again. Verifies each blob's digest, as a
 * registry must, so a corrupt upload fails the test.
 *
 * <p>It speaks HTTPS with a self-signed certificate made by the JDK's {@code keytool} for 127.0.0.1, like a
 * registry would: Jib's insecure mode then retries without verification. (Plain HTTP would make Jib wait for its
 * HTTPS attempt to time out, since an HTTP server never answers a TLS hello.)
 */
final class LoopbackRegistry implements ImageRegistry {

    private static final Pattern BLOB = Pattern.compile("^/v2/(.+)/blobs/(sha256:[0-9a-f]{64})$");
    private static final Pattern UPLOADS = Pattern.compile("^/v2/(.+)/blobs/uploads/?$");
    private static final Pattern UPLOAD = Pattern.compile("^/v2/(.+)/blobs/uploads/([0-9a-f-]{36})$");
    private static final Pattern MANIFEST = Pattern.compile("^/v2/(.+)/manifests/([^/]+)$");

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "test-loopback-registry");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
    private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
    private final List<String> pushedManifests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger logins = new AtomicInteger();

    LoopbackRegistry(java.nio.file.Path workDir) throws Exception {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(selfSigned(workDir)));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code repository:tag} of every manifest PUT, in order. */
    List<String> pushedManifests() {
        return List.copyOf(pushedManifests);
    }

    int logins() {
        return logins.get();
    }

    private static SSLContext selfSigned(java.nio.file.Path workDir) throws Exception {
        java.nio.file.Path store = workDir.resolve("registry.p12");
        char[] password = "loopback".toCharArray();
        Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "loopback", "-keypass", "loopback")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make the test certificate: " + output);
        }
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }

    // ---- ImageRegistry -------------------------------------------------------------------------------------

    @Override
    public String ensure(String repository) {
        return host() + "/" + repository;
    }

    @Override
    public boolean hasTag(String repository, String tag) {
        return manifests.containsKey(repository + ":" + tag);
    }

    @Override
    public Optional<RegistryLogin> login() {
        logins.incrementAndGet();
        return Optional.empty();
    }

    @Override
    public boolean insecureLoopback() {
        return true;
    }

    @Override
    public void close() {
        // The test owns the server's life: the interactive path closes its registry after each deploy.
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String method = x.getRequestMethod();
            String path = x.getRequestURI().getPath();
            String query = Optional.ofNullable(x.getRequestURI().getRawQuery()).orElse("");
            byte[] body = readAll(x.getRequestBody());
            Matcher m;
            if (path.equals("/v2/") || path.equals("/v2")) {
                send(x, 200, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
            } else if ((m = BLOB.matcher(path)).matches()) {
                byte[] blob = blobs.get(m.group(2));
                if (blob == null) {
                    sendError(x, 404, "BLOB_UNKNOWN");
                } else {
                    x.getResponseHeaders().add("Docker-Content-Digest", m.group(2));
                    send(x, 200, method.equals("HEAD") ? null : blob, "application/octet-stream", blob.length);
                }
            } else if ((m = UPLOADS.matcher(path)).matches() && method.equals("POST")) {
                String id = UUID.randomUUID().toString();
                uploads.put(id, new ByteArrayOutputStream());
                x.getResponseHeaders().add("Location", "/v2/" + m.group(1) + "/blobs/uploads/" + id);
                x.getResponseHeaders().add("Docker-Upload-UUID", id);
                x.getResponseHeaders().add("Range", "0-0");
                send(x, 202, null, null);
            } else if ((m = UPLOAD.matcher(path)).matches()) {
                ByteArrayOutputStream upload = uploads.get(m.group(2));
                if (upload == null) {
                    sendError(x, 404, "BLOB_UPLOAD_UNKNOWN");
                    return;
                }
                upload.write(body);
                if (method.equals("PATCH")) {
                    x.getResponseHeaders().add("Location", path);
                    x.getResponseHeaders().add("Range", "0-" + Math.max(0, upload.size() - 1));
                    send(x, 202, null, null);
                } else if (method.equals("PUT")) {
                    String digest = query.replaceFirst(".*digest=", "").replaceFirst("&.*", "").replace("%3A", ":");
                    byte[] content = upload.toByteArray();
                    if (!digest.equals(sha256(content))) {
                        sendError(x, 400, "DIGEST_INVALID");
                        return;
                    }
                    uploads.remove(m.group(2));
                    blobs.put(digest, content);
                    x.getResponseHeaders().add("Location", "/v2/" + m.group(1) + "/blobs/" + digest);
                    x.getResponseHeaders().add("Docker-Content-Digest", digest);
                    send(x, 201, null, null);
                } else {
                    sendError(x, 405, "UNSUPPORTED");
                }
            } else if ((m = MANIFEST.matcher(path)).matches()) {
                String key = m.group(1) + ":" + m.group(2);
                if (method.equals("PUT")) {
                    manifests.put(key, body);
                    pushedManifests.add(key);
                    x.getResponseHeaders().add("Docker-Content-Digest", sha256(body));
                    x.getResponseHeaders().add("Location", path);
                    send(x, 201, null, null);
                } else if (manifests.containsKey(key)) {
                    byte[] manifest = manifests.get(key);
                    x.getResponseHeaders().add("Docker-Content-Digest", sha256(manifest));
                    send(x, 200, method.equals("HEAD") ? null : manifest,
                            "application/vnd.docker.distribution.manifest.v2+json", manifest.length);
                } else {
                    sendError(x, 404, "MANIFEST_UNKNOWN");
                }
            } else {
                sendError(x, 404, "NAME_UNKNOWN");
            }
        }
    }

    private static void sendError(HttpExchange x, int status, String code) throws IOException {
        byte[] body = ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + code.toLowerCase() + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        send(x, status, x.getRequestMethod().equals("HEAD") ? null : body, "application/json");
    }

    private static void send(HttpExchange x, int status, byte[] body, String type) throws IOException {
        send(x, status, body, type, body == null ? -1 : body.length);
    }

    private static void send(HttpExchange x, int status, byte[] body, String type, long headLength) throws IOException {
        if (type != null) {
            x.getResponseHeaders().add("Content-Type", type);
        }
        x.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
        if (body == null) {
            if (headLength > 0) {
                x.getResponseHeaders().add("Content-Length", Long.toString(headLength));
            }
            x.sendResponseHeaders(status, -1);
        } else {
            x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            x.getResponseBody().write(body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
