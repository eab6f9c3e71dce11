package dev.meshwalk.apps.front;

import java.net.Proxy;
import java.net.URI;

/** Where one call to color goes: the URI to request and the proxy to send it through (or none). */
record ColorTarget(URI uri, Proxy proxy) {
}
