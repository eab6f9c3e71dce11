package dev.meshwalk.localcloud.dataplane.ecs;

/** A container's or a task's health as ECS reports it ({@code healthStatus}). */
enum Health { UNKNOWN, HEALTHY, UNHEALTHY }
