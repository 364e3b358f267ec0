package org.attache.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The node id format, written once: base64url without padding of "Type:key" (Delegation:42, Country:AZE). Clients
 * treat it as opaque; the type tells node(id:) where to look.
 */
public final class NodeIds {

    private NodeIds() {
    }

    /** A node id's parts. */
    public record Parts(String type, String key) {
    }

    public static String encode(String type, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link #encode} as a PostgreSQL expression, for the one-statement read path (SqlReadsTest compares its answers
     * with the resolvers').
     */
    public static String sql(String type, String keyExpression) {
        return SqlText.base64Url("'" + type + ":' || " + keyExpression);
    }

    /** The type and key of a node id, or null when it is not one. */
    public static Parts decode(String nodeId) {
        if (nodeId == null || nodeId.length() > 200) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(nodeId), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = text.indexOf(':');
        return colon <= 0 || colon == text.length() - 1 ? null : new Parts(text.substring(0, colon), text.substring(colon + 1));
    }
}
