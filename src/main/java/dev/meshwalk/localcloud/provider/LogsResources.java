package dev.meshwalk.localcloud.provider;

/** CloudWatch Logs log groups; the data plane may hook in to collect task output under these names. */
public final class LogsResources extends ResourceStore {
}
