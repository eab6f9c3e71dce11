package dev.meshwalk.apps.common;

/**
 * The threads an app runs on: where its routes are served ({@link AppHost}) and how its spans leave
 * ({@link TelemetryExport}). {@link #STANDALONE} is the container's (the app owns them all); the local cloud passes
 * {@link SharedAppRuntime#inProcess()}, which every in-process app instance shares.
 */
public interface AppRuntime {

    AppRuntime STANDALONE = new AppRuntime() {
        @Override
        public AppHost host() {
            return AppHost.STANDALONE;
        }

        @Override
        public TelemetryExport export() {
            return TelemetryExport.STANDALONE;
        }
    };

    AppHost host();

    TelemetryExport export();
}
