package org.attache.security;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * ATTACHE_JWT_PUBLIC_KEY_LOCATION as SmallRye JWT reads keys: a file path or URL becomes the key's location, a key
 * written inline (PEM, or a JWK/JWKS document) the key itself, which SmallRye takes only under a key of its own.
 * Ranked above application.properties and below Quarkus' own environment variables, so MP_JWT_VERIFY_PUBLICKEY and
 * friends still win. Registered in META-INF/services.
 */
public class JwtKeySetting implements ConfigSource {

    public static final String VARIABLE = "ATTACHE_JWT_PUBLIC_KEY_LOCATION";
    static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final String INLINE = "mp.jwt.verify.publickey";
    /** SmallRye JWT's own marker for a key that is not set. */
    static final String NONE = "NONE";

    private final Map<String, String> properties;

    public JwtKeySetting() {
        this(System.getenv(VARIABLE));
    }

    JwtKeySetting(String value) {
        if (value == null || value.isBlank()) {
            properties = Map.of();
        } else if (inline(value)) {
            // The location the profile may set (the dev key in tests) must not compete with the inline key.
            properties = Map.of(INLINE, value.strip(), LOCATION, NONE);
        } else {
            properties = Map.of(LOCATION, value.strip());
        }
    }

    /** A key written out rather than a place to find it. */
    static boolean inline(String value) {
        String text = value.strip();
        return text.startsWith("-----BEGIN") || text.startsWith("{");
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return VARIABLE;
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
