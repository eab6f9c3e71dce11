package dev.meshwalk.core;

/** The broad meaning of a {@link Status}: what a front-end or a test needs to know without reading labels. */
public enum Category { NEUTRAL, ACTIVE, SUCCESS, WARNING, FAILURE }
