package dev.meshwalk.graph.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NodeNamesTest {

    private static List<ServiceNode> nodes(String... typeAndName) {
        List<ServiceNode> out = new ArrayList<>();
        for (int i = 0; i < typeAndName.length; i += 2) {
            out.add(ServiceNode.of(i / 2, typeAndName[i + 1], typeAndName[i], Stats.NONE, List.of()));
        }
        return out;
    }

    @Test
    void dropsTheMeshAndTheSharedProjectPrefixOfProxyNames() {
        NodeNames names = NodeNames.of(nodes(
                ServiceNode.APPMESH_PROXY, "howto-basics/howto-basics-front-node",
                ServiceNode.APPMESH_PROXY, "howto-basics/howto-basics-color-node",
                "AWS::ECS::Container", "front",
                ServiceNode.CLIENT, "howto-basics/howto-basics-front-node"));
        assertThat(names.name(0)).isEqualTo("front-node");
        assertThat(names.name(1)).isEqualTo("color-node");
        assertThat(names.name(2)).isEqualTo("front");
        assertThat(names.name(3)).isEqualTo("clients");
        assertThat(names.droppedPrefix()).isEqualTo("howto-basics/howto-basics-");
    }

    @Test
    void aLoneProxyLosesTheMeshNameItRepeats() {
        NodeNames names = NodeNames.of(nodes(ServiceNode.APPMESH_PROXY, "shop/shop-cart-node", "AWS::ECS::Container", "cart"));
        assertThat(names.name(0)).isEqualTo("cart-node");
    }

    @Test
    void neverShortensIntoAnotherNodesName() {
        NodeNames names = NodeNames.of(nodes(ServiceNode.APPMESH_PROXY, "m/front", ServiceNode.APPMESH_PROXY, "m/color",
                "AWS::ECS::Container", "front"));
        assertThat(names.name(0)).isEqualTo("m/front");
        assertThat(names.name(1)).isEqualTo("m/color");
        assertThat(names.droppedPrefix()).isEmpty();
    }

    @Test
    void twoMeshesKeepTheirMeshNames() {
        NodeNames names = NodeNames.of(nodes(ServiceNode.APPMESH_PROXY, "a/x-node", ServiceNode.APPMESH_PROXY, "b/x-node"));
        assertThat(names.name(0)).isEqualTo("a/x-node");
        assertThat(names.name(1)).isEqualTo("b/x-node");
    }

    @Test
    void longNamesLoseTheirMiddleAndStayDistinct() {
        NodeNames names = NodeNames.of(nodes("AWS::ECS::Container", "payments-gateway-eu-west-1-primary",
                "AWS::ECS::Container", "payments-gateway-eu-west-1-replica", "AWS::ECS::Container", "cart"));
        Map<Integer, String> fitted = names.fitted(12, '…');
        assertThat(fitted.get(2)).isEqualTo("cart");
        assertThat(fitted.get(0)).hasSize(12).startsWith("pay").contains("…");
        assertThat(fitted.get(1)).hasSize(12).startsWith("pay").contains("…");
        assertThat(fitted.get(0)).isNotEqualTo(fitted.get(1));
        assertThat(fitted.get(0)).endsWith("ry");
        assertThat(fitted.get(1)).endsWith("ca");
    }
}
