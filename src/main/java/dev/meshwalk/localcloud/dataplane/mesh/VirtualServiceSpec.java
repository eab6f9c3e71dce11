package dev.meshwalk.localcloud.dataplane.mesh;

/** A virtual service, named like the host its callers use, provided by exactly one virtual node or router. */
public record VirtualServiceSpec(String name, String virtualNodeName, String virtualRouterName) {

    public VirtualServiceSpec {
        name = name.toLowerCase(java.util.Locale.ROOT);
        if ((virtualNodeName == null) == (virtualRouterName == null)) {
            throw new IllegalArgumentException("virtual service " + name
                    + " needs exactly one provider: a virtual node or a virtual router");
        }
    }
}
