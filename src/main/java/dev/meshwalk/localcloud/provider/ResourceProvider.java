package dev.meshwalk.localcloud.provider;

import java.util.Set;

/**
 * Realises one family of CloudFormation resource types in the local cloud (one class per family:
 * EC2 networking, IAM, ECS, ELBv2, Cloud Map, Route 53, App Mesh, logs, CloudWatch dashboards).
 *
 * <p>The engine calls these from its own worker threads, possibly in parallel for independent resources,
 * and records the events; a provider only does the work and reports what it made. A create or update may
 * block until the resource is really usable (an ECS service with its tasks healthy), bounded by the
 * provider's own timeout, and signals failure with a {@link ProvisionException} whose message becomes the
 * resource's {@code *_FAILED} status reason.
 */
public interface ResourceProvider {

    /** The resource types this provider realises, e.g. {@code AWS::EC2::VPC}. */
    Set<String> resourceTypes();

    /** Creates the resource from fully resolved properties. */
    Provisioned create(ResourceRequest request);

    /** Updates in place; only called when the type's schema says the change needs no replacement. */
    Provisioned update(ResourceRequest request, Provisioned current);

    /** Deletes; deleting something already gone is not an error. */
    void delete(ResourceRequest request, Provisioned current);

    /**
     * Brings back a resource a previous local cloud made, with the physical id and attributes it had (saved
     * state, {@code docs/localcloud-state.md}): the record goes back into the family's store, whose listeners
     * start its running parts again. A provider that keeps nothing may leave it empty.
     */
    default void restore(ResourceRequest request, Provisioned recorded) {
    }
}
