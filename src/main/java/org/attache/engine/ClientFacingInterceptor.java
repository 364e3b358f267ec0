package org.attache.engine;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.attache.api.ApiException;
import org.attache.api.ClientFacing;
import org.attache.api.Failures;

import io.smallrye.mutiny.Multi;

/** Makes every failure of a {@link ClientFacing} class's method an {@link ApiException} ({@link Failures}). */
@ClientFacing
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class ClientFacingInterceptor {

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            Object result = context.proceed();
            // A subscription's failures (its security check included) come later, inside its stream.
            return result instanceof Multi<?> stream ? stream.onFailure().transform(Failures::translate) : result;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw Failures.translate(e);
        }
    }
}
