package dev.meshwalk.localcloud.dataplane.mesh;

/**
 * A service mesh. {@code allowAllEgress} false is App Mesh's default egress filter {@code DROP_ALL}: a proxy only
 * lets its app reach the virtual services its virtual node declares as backends.
 */
public record MeshSpec(String name, boolean allowAllEgress) {
}
