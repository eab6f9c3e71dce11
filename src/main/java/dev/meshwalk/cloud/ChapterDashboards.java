package dev.meshwalk.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * One CloudWatch dashboard per App Mesh virtual node of a deployed chapter, as the walkthrough's
 * {@code deploy-cw-dashboards.sh} makes after chapter 2: ingress and egress request counts, response-code classes and
 * response times of that node's Envoy, drawn with {@code SEARCH(...)} over the statsd metrics the CloudWatch agent
 * publishes in the project's namespace (the mesh name). The script deploys a stack per dashboard; the tutorial calls
 * PutDashboard directly, naming each {@code <stack>-<virtualNode>} so {@link Teardown} (which owns every dashboard
 * starting with the stack's name) removes them. Chapters without virtual nodes get none.
 */
public final class ChapterDashboards {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudFormationClient cfn;
    private final CloudWatchClient cloudWatch;
    private final String region;

    public ChapterDashboards(CloudSession session) {
        this.cfn = session.cloudFormation();
        this.cloudWatch = session.cloudWatch();
        this.region = session.target().region();
    }

    /** A virtual node as the stack names it: mesh and node names. */
    record VirtualNode(String mesh, String name) {
    }

    /**
     * Puts one dashboard per virtual node of the stack and reports each as a notice. A failure is reported as a
     * notice too: dashboards are a view on the chapter, never a reason to fail its deployment.
     *
     * @return the names of the dashboards written
     */
    public List<String> publish(String stackName, String projectName, Consumer<DeployEvent> listener) {
        List<String> written = new ArrayList<>();
        try {
            for (VirtualNode node : virtualNodes(stackName, projectName)) {
                String name = dashboardName(stackName, node);
                cloudWatch.putDashboard(b -> b.dashboardName(name).dashboardBody(body(node, region)));
                written.add(name);
                listener.accept(new DeployEvent.Notice("Dashboard " + name + " shows the Envoy metrics of "
                        + node.name() + "."));
            }
        } catch (SdkException e) {
            listener.accept(new DeployEvent.Notice("The chapter's dashboards could not be written: "
                    + SdkErrors.summary(e) + ". The chapter itself is deployed; metrics are still in CloudWatch."));
        }
        return written;
    }

    private List<VirtualNode> virtualNodes(String stackName, String projectName) {
        List<VirtualNode> nodes = new ArrayList<>();
        for (StackResourceSummary r : cfn.listStackResourcesPaginator(b -> b.stackName(stackName))
                .stackResourceSummaries()) {
            if ("AWS::AppMesh::VirtualNode".equals(r.resourceType()) && r.physicalResourceId() != null) {
                nodes.add(virtualNodeOf(r.physicalResourceId(), projectName));
            }
        }
        return nodes;
    }

    /** {@code arn:aws:appmesh:r:a:mesh/<mesh>/virtualNode/<node>}, or a bare node name in the project's mesh. */
    static VirtualNode virtualNodeOf(String physicalId, String projectName) {
        int node = physicalId.indexOf("/virtualNode/");
        int mesh = physicalId.indexOf("mesh/");
        if (node > 0 && mesh >= 0 && mesh < node) {
            return new VirtualNode(physicalId.substring(mesh + 5, node), physicalId.substring(node + 13));
        }
        return new VirtualNode(projectName, physicalId);
    }

    static String dashboardName(String stackName, VirtualNode node) {
        return (stackName + "-" + node.name()).replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The dashboard body: four metric widgets of SEARCH expressions over the node's Envoy metrics. */
    static String body(VirtualNode node, String region) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode widgets = body.putArray("widgets");
        String listener = "{\"" + node.mesh() + "\",\"appmesh.mesh\",\"appmesh.virtual_node\","
                + "\"envoy.http_conn_manager_prefix\"}";
        String byClass = "{\"" + node.mesh() + "\",\"appmesh.mesh\",\"appmesh.virtual_node\","
                + "\"envoy.http_conn_manager_prefix\",\"envoy.response_code_class\"}";
        String nodeFilter = " \"appmesh.virtual_node\"=\"" + node.name() + "\"";
        widgets.add(widget(0, 0, "Ingress requests", region,
                search(listener + " MetricName=\"envoy.http.downstream_rq_total\"" + nodeFilter
                        + " \"envoy.http_conn_manager_prefix\"=\"ingress\"", "Sum")));
        widgets.add(widget(12, 0, "Egress requests", region,
                search(listener + " MetricName=\"envoy.http.downstream_rq_total\"" + nodeFilter
                        + " \"envoy.http_conn_manager_prefix\"=\"egress\"", "Sum")));
        widgets.add(widget(0, 6, "Responses by code class (2xx, 3xx, 4xx, 5xx)", region,
                search(byClass + " MetricName=\"envoy.http.downstream_rq_xx\"" + nodeFilter, "Sum")));
        widgets.add(widget(12, 6, "Response time (ms)", region,
                search(listener + " MetricName=\"envoy.http.downstream_rq_time\"" + nodeFilter, "Average")));
        return body.toString();
    }

    private static String search(String query, String statistic) {
        return "SEARCH('" + query + "', '" + statistic + "', 60)";
    }

    private static ObjectNode widget(int x, int y, String title, String region, String expression) {
        ObjectNode widget = JSON.createObjectNode();
        widget.put("type", "metric").put("x", x).put("y", y).put("width", 12).put("height", 6);
        ObjectNode properties = widget.putObject("properties");
        properties.put("title", title).put("view", "timeSeries").put("region", region).put("period", 60);
        ArrayNode metric = properties.putArray("metrics").addArray();
        metric.addObject().put("expression", expression).put("id", "e1").put("label", "");
        return widget;
    }
}
