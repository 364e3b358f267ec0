package org.attache.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.inject.Stereotype;
import jakarta.transaction.Transactional;

/**
 * What every GraphQL API class needs. Failures reach clients as {@link ApiException}s ({@link ClientFacing}), and
 * each resolver call runs in its own transaction, hence its own Hibernate session: SmallRye may run one request's
 * resolvers on several worker threads at once, and a session must never be shared between threads.
 */
@Stereotype
@ClientFacing
@Transactional
@Target(TYPE)
@Retention(RUNTIME)
public @interface Resolvers {
}
