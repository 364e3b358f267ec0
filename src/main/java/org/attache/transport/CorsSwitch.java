package org.attache.transport;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Quarkus' CORS filter is on exactly when origins are allowed (ATTACHE_CORS_ORIGINS). Always on, with none allowed, it
 * would refuse the dashboard's own requests behind a TLS-terminating proxy (their Origin says https, the request
 * arrives as http); off, a browser on another origin still cannot call with a bearer token, since nothing answers its
 * preflight. An explicit quarkus.http.cors.enabled wins. Registered in META-INF/services.
 */
public class CorsSwitch implements ConfigSourceInterceptor {

    static final String ENABLED = "quarkus.http.cors.enabled";
    static final String ORIGINS = "quarkus.http.cors.origins";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        // Quarkus' own default (false) comes from the defaults source, ranked lowest of all.
        boolean explicit = value != null && value.getConfigSourceOrdinal() > Integer.MIN_VALUE;
        if (explicit || !ENABLED.equals(name)) {
            return value;
        }
        ConfigValue origins = context.proceed(ORIGINS);
        boolean some = origins != null && origins.getValue() != null && !origins.getValue().isBlank();
        return ConfigValue.builder().withName(name).withValue(String.valueOf(some)).withConfigSourceName("attache-cors-switch")
                .build();
    }
}
