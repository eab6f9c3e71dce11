package dev.meshwalk.localcloud.provider.runtime;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;

/** A stack's {@code AWS::Logs::LogGroup} becomes a group the containers' {@code awslogs} driver can write to. */
final class LogsBridge implements ResourceListener {

    private final DataPlane dataPlane;

    LogsBridge(DataPlane dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public void created(ResourceRecord record) {
        put(record);
    }

    @Override
    public void updated(ResourceRecord before, ResourceRecord after) {
        put(after);
    }

    @Override
    public void deleted(ResourceRecord record) {
        dataPlane.logs().deleteGroup(record.physicalId());
    }

    private void put(ResourceRecord record) {
        Props p = new Props(record.properties());
        Integer retention = p.has("RetentionInDays") ? p.integer("RetentionInDays", 0) : null;
        dataPlane.logs().createGroup(record.physicalId(), String.valueOf(record.attributes().get("Arn")), retention);
    }
}
