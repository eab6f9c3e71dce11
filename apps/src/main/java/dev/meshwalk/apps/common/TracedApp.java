package dev.meshwalk.apps.common;

/**
 * What each demo app is once started: its routes served by an {@link AppServer} inside server spans, and the
 * {@link Telemetry} those spans go to. The apps differ only in their routes, so starting to serve, the port and
 * the orderly stop (server first, so no request is cut off, then telemetry, so the last spans are sent) live here.
 */
public abstract class TracedApp implements Launcher.RunningApp {
    private final Telemetry telemetry;
    private AppHost.Serving server;

    protected TracedApp(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    /**
     * Serves {@code routes} on {@code BIND_ADDRESS:PORT} through {@code host}, each request in a server span. When the
     * server cannot start, the telemetry is stopped too (no export thread is left behind) and the failure is passed on.
     */
    protected final void serve(AppHost host, Environment environment, Routes routes) {
        try {
            server = host.serve(telemetry.serviceName(), environment.bindAddress(), environment.port(),
                    telemetry.serverSpans(routes, routes::routeOf));
        } catch (RuntimeException startFailed) {
            telemetry.close();
            throw startFailed;
        }
    }

    protected final Telemetry telemetry() {
        return telemetry;
    }

    /** The name this instance reports on the service map ({@code XRAY_APP_NAME}). */
    public final String serviceName() {
        return telemetry.serviceName();
    }

    @Override
    public final int port() {
        return server.port();
    }

    @Override
    public final void close() {
        server.close();
        afterServerStopped();
        telemetry.close();
    }

    /** Releases what the app's own requests used (connections it keeps), once no request runs any more. */
    protected void afterServerStopped() {
    }
}
