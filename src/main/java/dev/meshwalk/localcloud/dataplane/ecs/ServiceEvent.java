package dev.meshwalk.localcloud.dataplane.ecs;

import java.time.Instant;

/** An ECS service event, worded as ECS words them ({@code (service color) has reached a steady state.}). */
public record ServiceEvent(String id, Instant createdAt, String message) {
}
