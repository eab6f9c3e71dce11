package dev.meshwalk.localcloud.dataplane.ecs;

/** The demo apps the local cloud can run; the composition root passes the real ones, tests may pass fakes. */
public record AppCatalog(AppLauncher front, AppLauncher color) {
}
