package org.attache.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/** Marks a GraphQL API class whose failures reach clients as {@link ApiException}s; see {@link Failures}. */
@InterceptorBinding
@Target(TYPE)
@Retention(RUNTIME)
public @interface ClientFacing {
}
