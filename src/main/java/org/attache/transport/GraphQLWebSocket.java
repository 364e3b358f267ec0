package org.attache.transport;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.attache.api.ClientConnection;
import org.attache.api.ErrorCode;
import org.attache.config.Settings;
import org.attache.engine.OperationMetrics;
import org.attache.engine.PersistedDocuments;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeAuthGraphQLTransportWSSubprotocolHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeAuthGraphQLWSSubprotocolHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.websocket.GraphQLWebSocketSession;
import io.smallrye.graphql.websocket.GraphQLWebsocketHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over WebSocket at /graphql: graphql-transport-ws, and graphql-ws for older clients. SmallRye's protocol
 * handlers (with Quarkus' token-in-connection_init) do the protocol; this route, in front of SmallRye's own, adds what
 * a server holding many dashboards needs per connection: a bound on the subscriptions it holds, a bound on what the
 * client leaves unread (a slow client is disconnected with a reason rather than buffered for without end), and the
 * connection_init timeout graphql-transport-ws asks for.
 */
@ApplicationScoped
public class GraphQLWebSocket {

    /** Close code for a client that leaves too much unread; not among the protocol's, so clients reconnect. */
    public static final short TOO_SLOW = 4008;
    /** The token the connection was opened with expired (policy violation, as Quarkus' own WebSocket endpoints say). */
    public static final short EXPIRED = 1008;
    /** graphql-transport-ws: a message that is not one of the protocol's. */
    public static final short BAD_MESSAGE = 4400;
    /** The server is shutting down: reconnect (to another replica). */
    public static final short GOING_AWAY = 1001;
    /** graphql-transport-ws: the token in connection_init is not trusted (SmallRye closes, through this class). */
    public static final short FORBIDDEN = 4403;
    /** The upgrade asked for a subprotocol other than graphql-transport-ws and graphql-ws. */
    public static final short SUBPROTOCOL_NOT_ACCEPTABLE = 4406;
    /** graphql-transport-ws: no connection_init in time. */
    public static final short INIT_TIMEOUT = 4408;
    /** Characters per outgoing frame: at most 64 KB in UTF-8 (4 bytes a character at most). */
    private static final int OUTGOING_FRAME_CHARS = 65536 / 4;
    /** A message larger than a request may be (WebSocketLimits). */
    public static final short TOO_BIG = 1009;
    // After authentication (-200; a token in the upgrade request's header counts), before GraphQLHttp (-100) and
    // SmallRye's WebSocket route (-99), which never sees an upgrade.
    private static final int ORDER = -101;
    /** The operation a server message belongs to; SmallRye writes the id near the start. */
    private static final Pattern MESSAGE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");

    private final int maxSubscriptions;
    private final int maxUnreadBytes;
    private final int maxMessageBytes;
    private final PersistedDocuments documents;
    private final Duration initTimeout;
    private final Optional<String> initPayloadToken;
    private final Set<ServerWebSocket> open = ConcurrentHashMap.newKeySet();
    private final MeterRegistry registry;

    GraphQLWebSocket(Settings settings,
            @ConfigProperty(name = "quarkus.smallrye-graphql.authorization-client-init-payload-name") Optional<String> initPayloadToken,
            WebSocketLimits limits, PersistedDocuments documents, MeterRegistry registry) {
        Settings.Subscriptions bounds = settings.subscriptions();
        this.documents = documents;
        this.maxMessageBytes = limits.maxMessageBytes();
        this.maxSubscriptions = bounds.maxPerConnection();
        this.maxUnreadBytes = (int) Math.min(Integer.MAX_VALUE, bounds.maxUnreadBytes().asLongValue());
        this.initTimeout = bounds.initTimeout();
        this.initPayloadToken = initPayloadToken;
        this.registry = registry;
        Gauge.builder("attache.graphql.websocket.connections", open, Set::size)
                .description("Open GraphQL WebSocket connections").register(registry);
        // Present from the start, at zero: a dashboard's rate() needs the series before the first close.
        for (short code : new short[] { GOING_AWAY, EXPIRED, TOO_SLOW, BAD_MESSAGE, FORBIDDEN, SUBPROTOCOL_NOT_ACCEPTABLE,
                INIT_TIMEOUT, TOO_BIG }) {
            closedCounter(code);
        }
    }

    void routes(@Observes Router router, CurrentIdentityAssociation identity, CurrentVertxRequest request) {
        router.route("/graphql").order(ORDER).handler(new Upgrade(identity, request));
    }

    /**
     * When the shutdown delay starts (readiness is DOWN), clients are told to go away, so that they reconnect at once
     * to a replica that stays; the graphql-ws client reconnects on 1001 by itself.
     */
    void goingAway(@Observes ShutdownDelayInitiatedEvent event) {
        for (ServerWebSocket socket : open) {
            closeCounted(socket, GOING_AWAY, "Going away: this server is shutting down; reconnect.");
        }
    }

    private static boolean isUpgrade(RoutingContext ctx) {
        return ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true) && !ctx.request().isEnded();
    }

    /** SmallRye's handler base: it associates the upgrade request's identity and CDI request state with the connection. */
    private final class Upgrade extends SmallRyeGraphQLAbstractHandler {

        Upgrade(CurrentIdentityAssociation identity, CurrentVertxRequest request) {
            super(identity, request, false);
        }

        @Override
        protected void doHandle(RoutingContext ctx) {
            if (!isUpgrade(ctx)) {
                ctx.next();
                return;
            }
            var metaData = getMetaData(ctx);
            ctx.request().toWebSocket().onFailure(failure -> Log.debugf("WebSocket upgrade failed: %s", failure.getMessage()))
                    .onSuccess(socket -> open(ctx, socket, metaData));
        }

        private void open(RoutingContext ctx, ServerWebSocket socket, Map<String, Object> metaData) {
            socket.setWriteQueueMaxSize(maxUnreadBytes);
            Connection connection = new Connection(ctx, socket);
            GraphQLWebsocketHandler protocol;
            if ("graphql-transport-ws".equals(socket.subProtocol())) {
                protocol = new SmallRyeAuthGraphQLTransportWSSubprotocolHandler(connection, metaData, ctx, this,
                        initPayloadToken);
            } else if ("graphql-ws".equals(socket.subProtocol())) {
                protocol = new SmallRyeAuthGraphQLWSSubprotocolHandler(connection, metaData, ctx, this, initPayloadToken);
            } else {
                socket.closeHandler(v -> UpgradedRequests.done(ctx));
                closeCounted(socket, SUBPROTOCOL_NOT_ACCEPTABLE,
                        "Subprotocol not acceptable: use graphql-transport-ws (or graphql-ws).");
                return;
            }
            open.add(socket);
            ClientConnection client = ClientConnection.open(ctx);
            connection.expectInitWithin(initTimeout);
            socket.closeHandler(v -> {
                open.remove(socket);
                connection.closed();
                protocol.onClose();
                // SmallRye cancels only the subscriptions it has attached by now; one still being set up ends here.
                client.closed();
                UpgradedRequests.done(ctx);
            });
            socket.endHandler(v -> protocol.onEnd());
            socket.exceptionHandler(failure -> {
                // A frame, or a message in frames, over the limit (WebSocketLimits), or a broken frame: the client is
                // told why. Vert.x reports the message in frames with an IllegalStateException that says so.
                if (failure instanceof IllegalStateException
                        && String.valueOf(failure.getMessage()).contains("max message size")
                        || failure instanceof CorruptedWebSocketFrameException corrupted
                                && corrupted.closeStatus().code() == TOO_BIG) {
                    closeCounted(socket, TOO_BIG,
                            "Message too big: at most " + maxMessageBytes + " bytes, as an HTTP request.");
                    return;
                }
                if (failure instanceof CorruptedWebSocketFrameException corrupted) {
                    closeCounted(socket, (short) corrupted.closeStatus().code(), corrupted.closeStatus().reasonText());
                    return;
                }
                // A client that goes away without a close frame (a closed tab) is not worth SmallRye's warning.
                if (!(failure instanceof HttpClosedException)) {
                    protocol.onThrowable(failure);
                }
            });
            socket.textMessageHandler(text -> {
                String admitted = connection.admitted(text);
                if (admitted != null) {
                    protocol.onMessage(admitted);
                }
            });
        }
    }

    /** One client's connection as SmallRye's protocol handlers see it. */
    private final class Connection implements GraphQLWebSocketSession {

        private final RoutingContext ctx;
        private final ServerWebSocket socket;
        private final boolean legacy;
        private final Set<String> operations = ConcurrentHashMap.newKeySet();
        private volatile boolean acknowledged;
        private volatile long initTimer = -1;
        private volatile long expiryTimer = -1;

        Connection(RoutingContext ctx, ServerWebSocket socket) {
            this.ctx = ctx;
            this.socket = socket;
            this.legacy = "graphql-ws".equals(socket.subProtocol());
        }

        /**
         * Checks the shape of what the client sends (SmallRye's handlers would fail on a message without a type, or a
         * subscribe without a query, and leave the connection open), finds a document sent by its hash and refuses an
         * untrusted one (PersistedDocuments), counts the operations it starts and ends, and refuses one past the bound
         * with a coded error. Answers the message to pass on to SmallRye, or null.
         */
        String admitted(String text) {
            JsonObject message = parse(text);
            if (message == null || !(message.getValue("type") instanceof String type)) {
                close(BAD_MESSAGE, "Invalid message: a JSON object with a type is expected.");
                return null;
            }
            boolean starts = type.equals("subscribe") || type.equals("start");
            if (starts && !(message.getValue("id") instanceof String && message.getValue("payload") instanceof JsonObject)) {
                close(BAD_MESSAGE, "Invalid " + type + " message: an id and a payload are expected.");
                return null;
            }
            String passed = text;
            if (starts) {
                // Documents by hash, and trusted documents only where so configured, as over HTTP.
                JsonObject payload = message.getJsonObject("payload");
                boolean byHash = payload.getValue("query") == null;
                PersistedDocuments.Refused refused = documents.apply(payload);
                if (refused != null) {
                    refuse(message.getString("id"), refused.code(), refused.message());
                    return null;
                }
                if (byHash && payload.getValue("query") != null) {
                    passed = message.encode();
                }
            }
            String malformed = starts ? GraphQLHttp.malformed(message.getJsonObject("payload")) : null;
            if (malformed != null) {
                close(BAD_MESSAGE, malformed);
                return null;
            }
            if (type.equals("connection_init") && !GraphQLHttp.isNullOr(message.getValue("payload"), JsonObject.class)) {
                close(BAD_MESSAGE, "Invalid connection_init message: its payload must be an object.");
                return null;
            }
            if (!(message.getValue("id") instanceof String id)) {
                return passed;
            }
            if (starts) {
                if (operations.size() >= maxSubscriptions && !operations.contains(id)) {
                    refuse(id, ErrorCode.TOO_MANY_SUBSCRIPTIONS, "This connection already holds " + maxSubscriptions
                            + " operations; complete one before starting another, or open another connection.");
                    return null;
                }
                // Answered here with its code, as over HTTP: SmallRye would say only "Unparseable input document".
                String query = message.getJsonObject("payload").getString("query");
                long start = System.nanoTime();
                GraphQLHttp.DocumentError syntax = GraphQLHttp.documentError(query);
                if (syntax != null) {
                    OperationMetrics.rejectedEarly(query, start);
                    refuse(id, syntax.code(), syntax.message());
                    return null;
                }
                operations.add(id);
            } else if (type.equals("complete") || type.equals("stop")) {
                operations.remove(id);
            }
            return passed;
        }

        /** Ends one operation with an error message of the protocol, the connection staying open. */
        private void refuse(String id, ErrorCode code, String text) {
            JsonObject error = new JsonObject().put("message", text).put("extensions",
                    new JsonObject().put("code", code.name()));
            socket.writeTextMessage(new JsonObject().put("id", id).put("type", "error")
                    .put("payload", legacy ? error : new JsonArray().add(error)).encode());
        }

        @Override
        public void sendMessage(String message) {
            if (socket.isClosed()) {
                return;
            }
            if (socket.writeQueueFull()) {
                // The client reads slower than events come: drop it rather than buffer for it or slow the others.
                Log.infof("Disconnected %s: more than %d bytes unread", this, maxUnreadBytes);
                close(TOO_SLOW, "Too slow: more than " + maxUnreadBytes + " bytes unread; reconnect and refetch.");
                return;
            }
            if (message.length() > maxUnreadBytes / 3 && ByteBufUtil.utf8Bytes(message) > maxUnreadBytes) {
                // One message larger than the whole unread bound would pass it at once (the bound is checked
                // between messages): its operation ends with an error instead.
                Matcher id = MESSAGE_ID.matcher(message.substring(0, Math.min(message.length(), 200)));
                if (id.find()) {
                    operations.remove(id.group(1));
                    refuse(id.group(1), ErrorCode.RESULT_TOO_LARGE, "The answer is larger than a WebSocket message may"
                            + " be (" + maxUnreadBytes + " bytes): ask for smaller pages or fewer nested lists.");
                }
                return;
            }
            watch(message);
            writeInFrames(message);
        }

        /**
         * Notes the acknowledgement and operations ending. Events, the bulk of what is sent and up to hundreds of KB each,
         * are recognised by their first characters (SmallRye writes the type first) and not looked into.
         */
        private void watch(String message) {
            if (isEvent(message)) {
                return;
            }
            if (message.contains("\"type\":\"connection_ack\"")) {
                acknowledged = true;
                closeWhenTheTokenExpires();
            } else if (message.contains("\"type\":\"complete\"") || message.contains("\"type\":\"error\"")) {
                JsonObject parsed = parse(message);
                if (parsed != null && parsed.getValue("id") instanceof String id) {
                    operations.remove(id);
                }
            }
        }

        /**
         * Sends the message in frames of at most 64 KB: what Vert.x-based clients (the SmallRye GraphQL client) take
         * by default, although the server takes larger frames from clients (WebSocketLimits).
         */
        private void writeInFrames(String message) {
            if (message.length() <= OUTGOING_FRAME_CHARS) {
                socket.writeFrame(WebSocketFrame.textFrame(message, true));
                return;
            }
            for (int start = 0; start < message.length();) {
                int end = Math.min(message.length(), start + OUTGOING_FRAME_CHARS);
                if (end < message.length() && Character.isHighSurrogate(message.charAt(end - 1))) {
                    end--; // a character is never split between frames
                }
                String part = message.substring(start, end);
                boolean last = end == message.length();
                socket.writeFrame(start == 0 ? WebSocketFrame.textFrame(part, last)
                        : WebSocketFrame.continuationFrame(Buffer.buffer(part), last));
                start = end;
            }
        }

        void expectInitWithin(Duration timeout) {
            initTimer = ctx.vertx().setTimer(timeout.toMillis(), id -> {
                if (!acknowledged) {
                    close(INIT_TIMEOUT, "Connection initialisation timeout");
                }
            });
        }

        /** A token is checked once, at connection_init: the connection must not outlive it. */
        private void closeWhenTheTokenExpires() {
            if (ctx.user() instanceof QuarkusHttpUser user
                    && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token
                    && token.getExpirationTime() > 0) {
                long left = Math.max(1, token.getExpirationTime() * 1000 - System.currentTimeMillis());
                expiryTimer = ctx.vertx().setTimer(left, id -> close(EXPIRED, "Authentication expired"));
            }
        }

        void closed() {
            ctx.vertx().cancelTimer(initTimer);
            ctx.vertx().cancelTimer(expiryTimer);
        }

        @Override
        public void close(short statusCode, String reason) {
            closeCounted(socket, statusCode, reason);
        }

        @Override
        public boolean isClosed() {
            return socket.isClosed();
        }

        @Override
        public String toString() {
            return String.valueOf(socket.remoteAddress());
        }
    }

    /** A next (graphql-ws: data) message; SmallRye writes the type near the start. */
    private static boolean isEvent(String message) {
        String start = message.substring(0, Math.min(message.length(), 40));
        return start.contains("\"type\":\"next\"") || start.contains("\"type\":\"data\"");
    }

    private Counter closedCounter(short code) {
        return registry.counter("attache.graphql.websocket.closed", "code", String.valueOf(code));
    }

    /** Every close the server decides, counted by code: how many clients were too slow, timed out, misbehaved. */
    private void closeCounted(ServerWebSocket socket, short code, String reason) {
        if (!socket.isClosed()) {
            closedCounter(code).increment();
            socket.close(code, reason);
        }
    }

    private static JsonObject parse(String text) {
        try {
            return StrictJson.decode(text) instanceof JsonObject message ? message : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
