package dev.meshwalk.graph.render;

import dev.meshwalk.graph.ServiceNode;

/** Short type tags for X-Ray node types, as the map and the table show them. */
public final class TypeTags {

    private TypeTags() {
    }

    /** {@code client}, {@code ECS}, {@code proxy}, {@code Lambda}, {@code remote}, {@code DynamoDB}, ... */
    public static String of(String type) {
        if (type == null || type.isBlank()) {
            return "service";
        }
        switch (type) {
            case ServiceNode.CLIENT:
                return "client";
            case ServiceNode.APPMESH_PROXY:
                return "proxy";
            case "AWS::ECS::Container":
                return "ECS";
            case "AWS::EKS::Container":
                return "EKS";
            case "AWS::EC2::Instance":
                return "EC2";
            case "AWS::ElasticBeanstalk::Environment":
                return "Beanstalk";
            default:
                break;
        }
        if (type.startsWith("AWS::")) {
            String rest = type.substring(5);
            int sep = rest.indexOf("::");
            return sep < 0 ? rest : rest.substring(0, sep);
        }
        return type.length() <= 10 ? type : type.substring(0, 10);
    }
}
