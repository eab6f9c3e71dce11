package dev.meshwalk.localcloud.service.appmesh;

import dev.meshwalk.localcloud.provider.AppMeshResources;

/**
 * The five App Mesh resource kinds as the API names them: the CloudFormation type behind each, the API member
 * that holds its name ({@code virtualNodeName}) and the record attribute with the same value.
 */
enum MeshResource {
    MESH(AppMeshResources.MESH, "Mesh", "meshName", "MeshName"),
    VIRTUAL_NODE(AppMeshResources.VIRTUAL_NODE, "VirtualNode", "virtualNodeName", "VirtualNodeName"),
    VIRTUAL_SERVICE(AppMeshResources.VIRTUAL_SERVICE, "VirtualService", "virtualServiceName", "VirtualServiceName"),
    VIRTUAL_ROUTER(AppMeshResources.VIRTUAL_ROUTER, "VirtualRouter", "virtualRouterName", "VirtualRouterName"),
    ROUTE(AppMeshResources.ROUTE, "Route", "routeName", "RouteName");

    final String cfnType;
    final String label;
    final String nameMember;
    final String nameAttribute;

    MeshResource(String cfnType, String label, String nameMember, String nameAttribute) {
        this.cfnType = cfnType;
        this.label = label;
        this.nameMember = nameMember;
        this.nameAttribute = nameAttribute;
    }
}
