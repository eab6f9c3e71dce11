package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CloudWatch dashboards: the body must be a JSON object, as PutDashboard insists; {@code Ref} is the name. */
public final class CloudWatchProvider extends FamilyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    public CloudWatchProvider(DashboardResources store) {
        super(store);
        kind(DashboardResources.DASHBOARD, List.of(), (r, cur) -> {
            try {
                if (!JSON.readTree(text(r, "DashboardBody")).isObject()) {
                    throw new ProvisionException("The dashboard body is invalid, there are 1 validation errors: "
                            + "[ { \"dataPath\": \"\", \"message\": \"Should be object\" } ]");
                }
            } catch (JsonProcessingException e) {
                throw new ProvisionException("The dashboard body is invalid, there are 1 validation errors: "
                        + "[ { \"dataPath\": \"\", \"message\": \"Invalid JSON: " + e.getOriginalMessage().replace('"', '\'') + "\" } ]");
            }
            String name = cur != null ? cur.physicalId() : textOr(r, "DashboardName", r.logicalId() + "-" + AwsIds.upperAlphanumeric(12));
            return new Provisioned(name, Map.of());
        });
    }
}
