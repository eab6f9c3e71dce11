package dev.meshwalk.localcloud.provider;

/** IAM records: roles and policies exist by name and ARN; nothing enforces them locally. */
public final class IamResources extends ResourceStore {
}
