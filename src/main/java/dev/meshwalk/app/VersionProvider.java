package dev.meshwalk.app;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven stamped into the jar's manifest, so {@code --version} never drifts. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"meshwalk " + (v == null ? "(development build)" : v)};
    }
}
