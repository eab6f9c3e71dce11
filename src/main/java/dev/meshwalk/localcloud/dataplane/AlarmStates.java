package dev.meshwalk.localcloud.dataplane;

import java.util.Collection;
import java.util.List;

/**
 * What an ECS deployment with {@code DeploymentConfiguration.Alarms} asks CloudWatch while it runs: which of its
 * alarms are in the {@code ALARM} state now. The data plane may not know the CloudWatch service (layers point
 * downwards), so CloudWatch's alarm store implements this and the {@code LocalCloud} facade passes it in through
 * {@link DataPlaneConfig#withAlarms}; without it no alarm is ever in {@code ALARM}.
 */
@FunctionalInterface
public interface AlarmStates {

    /**
     * The alarms among {@code alarmNames} whose state is {@code ALARM} now, in the order given. A name that names
     * no alarm is not in {@code ALARM} (ECS, too, only reacts to alarms that exist and fire).
     */
    List<String> inAlarm(Collection<String> alarmNames);

    /** No CloudWatch behind it: nothing is ever in {@code ALARM}. */
    static AlarmStates none() {
        return alarmNames -> List.of();
    }
}
