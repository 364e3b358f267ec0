package org.attache.transport;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * One limit on what a client sends, whatever the transport: a WebSocket message (and each of its frames) may be as large
 * as an HTTP request body (quarkus.http.limits.max-body-size, ATTACHE_MAX_BODY_SIZE). Vert.x's own defaults (64 KB
 * frames) would drop a larger subscribe message without a close frame.
 */
@Singleton
public class WebSocketLimits implements HttpServerOptionsCustomizer {

    private final int maxMessageBytes;

    WebSocketLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxMessageBytes = (int) Math.min(Integer.MAX_VALUE, maxBodySize.asLongValue());
    }

    int maxMessageBytes() {
        return maxMessageBytes;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxWebSocketFrameSize(maxMessageBytes).setMaxWebSocketMessageSize(maxMessageBytes);
    }
}
