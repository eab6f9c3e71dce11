package dev.meshwalk.localcloud.service.appmesh;

import dev.meshwalk.localcloud.dataplane.mesh.AppMesh;
import dev.meshwalk.localcloud.provider.AppMeshResources;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.provider.runtime.AppMeshSpecs;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Paging;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS App Mesh's API (restJson1, paths under {@code /v20190125/meshes}) over the meshes the stacks made: list and
 * describe meshes, virtual nodes, services, routers and routes, and {@code UpdateRoute} / {@code UpdateVirtualNode},
 * which replace the spec the running mesh proxies read (they see it on their next request). The stack does not
 * know about such a change, as on AWS: its next update of that resource puts its own spec back.
 *
 * <p>A resource exists for the API when the stack's record exists and its mesh is live in the data plane; the spec
 * answered is the last one applied to the proxies (the stack's, or the API's since).
 */
public final class AppMeshApiService implements AwsService {

    private static final Set<String> OPERATIONS = Set.of("ListMeshes", "DescribeMesh", "ListVirtualNodes",
            "DescribeVirtualNode", "UpdateVirtualNode", "ListVirtualServices", "DescribeVirtualService",
            "ListVirtualRouters", "DescribeVirtualRouter", "ListRoutes", "DescribeRoute", "UpdateRoute");

    /** {@code limit} 1-100 (default 100); {@code nextToken} is the decimal offset of the next page. */
    private static final Paging PAGING = Paging.decimalTokens("nextToken",
                    token -> AppMeshErrors.badRequest("nextToken '" + token + "' was not handed out by this service"))
            .sized("limit", 100, 1, 100, limit -> AppMeshErrors.badRequest("limit must be between 1 and 100"));

    private final AppMesh live;
    private final AppMeshResources records;
    private final MeshRevisions revisions;

    public AppMeshApiService(AppMesh live, AppMeshResources records) {
        this(live, records, Clock.systemUTC());
    }

    AppMeshApiService(AppMesh live, AppMeshResources records, Clock clock) {
        this.live = live;
        this.records = records;
        this.revisions = new MeshRevisions(clock);
        records.addListener(revisions);
    }

    @Override
    public String signingName() {
        return "appmesh";
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        return switch (operation) {
            case "ListMeshes" -> list(MeshResource.MESH, null, null, input, "meshes");
            case "DescribeMesh" -> Map.of("mesh", data(find(MeshResource.MESH, mesh(input, context), null,
                    input.required("meshName"), context)));
            case "ListVirtualNodes" -> list(MeshResource.VIRTUAL_NODE, mesh(input, context), null, input, "virtualNodes");
            case "DescribeVirtualNode" -> Map.of("virtualNode", data(find(MeshResource.VIRTUAL_NODE,
                    mesh(input, context), null, input.required("virtualNodeName"), context)));
            case "UpdateVirtualNode" -> updateVirtualNode(input, context);
            case "ListVirtualServices" -> list(MeshResource.VIRTUAL_SERVICE, mesh(input, context), null, input,
                    "virtualServices");
            case "DescribeVirtualService" -> Map.of("virtualService", data(find(MeshResource.VIRTUAL_SERVICE,
                    mesh(input, context), null, input.required("virtualServiceName"), context)));
            case "ListVirtualRouters" -> list(MeshResource.VIRTUAL_ROUTER, mesh(input, context), null, input,
                    "virtualRouters");
            case "DescribeVirtualRouter" -> Map.of("virtualRouter", data(find(MeshResource.VIRTUAL_ROUTER,
                    mesh(input, context), null, input.required("virtualRouterName"), context)));
            case "ListRoutes" -> list(MeshResource.ROUTE, mesh(input, context), router(input, context), input, "routes");
            case "DescribeRoute" -> Map.of("route", data(find(MeshResource.ROUTE, mesh(input, context),
                    router(input, context), input.required("routeName"), context)));
            case "UpdateRoute" -> updateRoute(input, context);
            default -> throw new IllegalArgumentException(operation + " is not an App Mesh operation of this service");
        };
    }

    private synchronized Map<String, Object> updateRoute(Params input, RequestContext context) {
        String mesh = mesh(input, context);
        String router = router(input, context);
        ResourceRecord route = find(MeshResource.ROUTE, mesh, router, input.required("routeName"), context);
        Map<String, Object> spec = SpecValidation.route(input.tree().get("spec"),
                live.config(mesh).orElseThrow(), context.accountId());
        live.putRoute(mesh, AppMeshSpecs.route(router, name(route, MeshResource.ROUTE), SpecShapes.toCfn(spec)));
        revisions.updatedByApi(route.physicalId(), spec);
        return Map.of("route", data(route));
    }

    private synchronized Map<String, Object> updateVirtualNode(Params input, RequestContext context) {
        String mesh = mesh(input, context);
        ResourceRecord node = find(MeshResource.VIRTUAL_NODE, mesh, null, input.required("virtualNodeName"), context);
        Map<String, Object> spec = SpecValidation.virtualNode(input.tree().get("spec"));
        live.putVirtualNode(mesh, AppMeshSpecs.virtualNode(name(node, MeshResource.VIRTUAL_NODE),
                SpecShapes.toCfn(spec)));
        revisions.updatedByApi(node.physicalId(), spec);
        return Map.of("virtualNode", data(node));
    }

    /** The mesh named in the request, which must be live (and owned by {@code meshOwner} when it is given). */
    private String mesh(Params input, RequestContext context) {
        String name = input.required("meshName");
        ResourceRecord mesh = find(MeshResource.MESH, null, null, name, context);
        String owner = input.string("meshOwner").orElse(null);
        if (owner != null && !owner.equals(mesh.attributes().get("MeshOwner"))) {
            throw AppMeshErrors.notPresent("Mesh", name, null, owner);
        }
        return name;
    }

    private String router(Params input, RequestContext context) {
        String mesh = input.required("meshName");
        return name(find(MeshResource.VIRTUAL_ROUTER, mesh, null, input.required("virtualRouterName"), context),
                MeshResource.VIRTUAL_ROUTER);
    }

    private ResourceRecord find(MeshResource kind, String mesh, String router, String name, RequestContext context) {
        return resources(kind, mesh, router).stream().filter(r -> name.equals(name(r, kind))).findFirst()
                .orElseThrow(() -> AppMeshErrors.notPresent(kind.label, name,
                        kind == MeshResource.MESH ? null : mesh, context.accountId()));
    }

    /** The stack records of one kind inside a live mesh (and router), by name. */
    private List<ResourceRecord> resources(MeshResource kind, String mesh, String router) {
        return records.ofType(kind.cfnType).stream()
                .filter(r -> live.config(name(r, MeshResource.MESH)).isPresent())
                .filter(r -> mesh == null || mesh.equals(name(r, MeshResource.MESH)))
                .filter(r -> router == null || router.equals(name(r, MeshResource.VIRTUAL_ROUTER)))
                .sorted(Comparator.comparing(r -> name(r, kind)))
                .toList();
    }

    private Map<String, Object> list(MeshResource kind, String mesh, String router, Params input, String member) {
        return PAGING.answer(resources(kind, mesh, router), input, member, r -> reference(kind, r));
    }

    /** A list entry ({@code MeshRef}, {@code VirtualNodeRef}, ...). */
    private Map<String, Object> reference(MeshResource kind, ResourceRecord record) {
        MeshRevisions.Revision revision = revisions.of(record.physicalId());
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("arn", record.physicalId());
        ref.put("createdAt", revision.createdAt());
        ref.put("lastUpdatedAt", revision.lastUpdatedAt());
        ref.put("meshName", name(record, MeshResource.MESH));
        ref.put("meshOwner", record.attributes().get("MeshOwner"));
        ref.put("resourceOwner", record.attributes().get("ResourceOwner"));
        ref.put("version", revision.version());
        names(kind, record).forEach(ref::putIfAbsent);
        return ref;
    }

    /** A describe answer ({@code MeshData}, {@code RouteData}, ...): names, metadata, spec, status. */
    private Map<String, Object> data(ResourceRecord record) {
        MeshResource kind = kindOf(record);
        MeshRevisions.Revision revision = revisions.of(record.physicalId());
        Map<String, Object> data = new LinkedHashMap<>(names(kind, record));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("arn", record.physicalId());
        metadata.put("createdAt", revision.createdAt());
        metadata.put("lastUpdatedAt", revision.lastUpdatedAt());
        metadata.put("meshOwner", record.attributes().get("MeshOwner"));
        metadata.put("resourceOwner", record.attributes().get("ResourceOwner"));
        metadata.put("uid", record.attributes().get("Uid"));
        metadata.put("version", revision.version());
        data.put("metadata", metadata);
        data.put("spec", revision.apiSpec() != null ? revision.apiSpec() : stackSpec(kind, record));
        data.put("status", Map.of("status", "ACTIVE"));
        return data;
    }

    private static Map<String, Object> stackSpec(MeshResource kind, ResourceRecord record) {
        Map<String, Object> spec = record.properties().get("Spec") instanceof Map<?, ?> m
                ? SpecShapes.toApi(m) : new LinkedHashMap<>();
        if (kind == MeshResource.MESH) {
            spec.putIfAbsent("egressFilter", Map.of("type", "DROP_ALL"));
        }
        return spec;
    }

    private static Map<String, Object> names(MeshResource kind, ResourceRecord record) {
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("meshName", name(record, MeshResource.MESH));
        if (kind == MeshResource.ROUTE) {
            names.put("virtualRouterName", name(record, MeshResource.VIRTUAL_ROUTER));
        }
        names.put(kind.nameMember, name(record, kind));
        return names;
    }

    private static MeshResource kindOf(ResourceRecord record) {
        for (MeshResource kind : MeshResource.values()) {
            if (kind.cfnType.equals(record.type())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not an App Mesh record: " + record.type());
    }

    private static String name(ResourceRecord record, MeshResource kind) {
        return String.valueOf(record.attributes().get(kind.nameAttribute));
    }
}
