package dev.meshwalk.localcloud.dataplane.cloudmap;

/** A created namespace: {@code id} like {@code ns-abcdef0123456789} and its ARN. */
public record Namespace(String id, String arn, NamespaceSpec spec) {

    public String name() {
        return spec.name();
    }
}
