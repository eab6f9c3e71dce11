package dev.meshwalk.localcloud.service.cloudwatch;

import dev.meshwalk.localcloud.provider.AlarmResources;
import dev.meshwalk.localcloud.provider.ProvisionException;
import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a stack's {@code AWS::CloudWatch::Alarm} resources real alarms in the {@link AlarmStore}, as CloudFormation
 * calls PutMetricAlarm on AWS: the template's properties carry PutMetricAlarm's member names, so they pass the same
 * validation, and a rejected alarm fails its resource with CloudWatch's message. An alarm changed or deleted through
 * the API outside CloudFormation stays so until the stack next updates or deletes that resource.
 */
public final class StackAlarms implements ResourceListener {

    private final AlarmStore store;

    public StackAlarms(AlarmStore store) {
        this.store = store;
    }

    @Override
    public void created(ResourceRecord record) {
        if (record.type().equals(AlarmResources.ALARM)) {
            put(record);
        }
    }

    @Override
    public void updated(ResourceRecord before, ResourceRecord after) {
        if (after.type().equals(AlarmResources.ALARM)) {
            put(after);
        }
    }

    @Override
    public void deleted(ResourceRecord record) {
        if (record.type().equals(AlarmResources.ALARM)) {
            store.delete(List.of(record.physicalId())); // already gone (deleted through the API) is fine
        }
    }

    private void put(ResourceRecord record) {
        String name = record.physicalId();
        String arn = String.valueOf(record.attributes().get("Arn"));
        Map<String, Object> properties = new LinkedHashMap<>(record.properties());
        properties.put("AlarmName", name);
        try {
            store.put(MetricAlarm.parse(new Params(properties), arn.substring(0, arn.length() - name.length()),
                    store.clock().instant()));
        } catch (AwsError e) {
            throw new ProvisionException(e.getMessage() + " (Service: CloudWatch, Status Code: " + e.httpStatus()
                    + ", Error Code: " + e.code() + ")");
        }
    }
}
