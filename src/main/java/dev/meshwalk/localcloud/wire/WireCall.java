package dev.meshwalk.localcloud.wire;

import dev.meshwalk.localcloud.service.Params;

/** A decoded request: which service (by signing name), which operation, and its input tree. */
public record WireCall(String signingName, String operation, Params input) {
}
