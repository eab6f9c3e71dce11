package dev.meshwalk.localcloud.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Path templates: labels bind one segment each, literals must match, the method picks among routes on a path. */
class RestJsonRoutesTest {

    private final RestJsonRoutes routes = RestJsonRoutes.standard();

    @Test
    void appMeshPathsBindTheirLabels() {
        RestJsonRoutes.Route route = routes.find("PUT", "/v20190125/meshes/m/virtualRouter/r/routes/x").orElseThrow();
        assertThat(route.operation()).isEqualTo("UpdateRoute");
        assertThat(route.payload()).isEqualTo("route");
        assertThat(route.bind("/v20190125/meshes/m/virtualRouter/r/routes/x")).contains(
                Map.of("meshName", "m", "virtualRouterName", "r", "routeName", "x"));
        assertThat(routes.find("GET", "/v20190125/meshes/m/virtualRouter/r/routes/x").orElseThrow().operation())
                .isEqualTo("DescribeRoute");
        assertThat(routes.find("GET", "/v20190125/meshes/m/virtualRouter/r/routes/").orElseThrow().operation())
                .isEqualTo("ListRoutes");
    }

    @Test
    void aPathOfAnotherShapeOrAnEmptyLabelMatchesNothing() {
        assertThat(routes.onPath("/v20190125/meshes/m/virtualRouters/r/routes/x")).isEmpty();
        assertThat(routes.onPath("/v20190125/meshes//virtualNodes")).isEmpty();
        assertThat(routes.find("DELETE", "/v20190125/meshes/m")).isEmpty();
        assertThat(routes.onPath("/v20190125/meshes/m")).isPresent();
        assertThat(routes.find("POST", "/ServiceGraph").orElseThrow().signingName()).isEqualTo("xray");
    }
}
