package org.attache.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is making the current change, as recorded in createdBy, updatedBy and the change history. */
@ApplicationScoped
public class Actor {

    /** Recorded for changes made without a caller: migrations, the dev demo data, maintenance in SQL. */
    public static final String SYSTEM = "system";

    @Inject
    SecurityIdentity identity;

    /** For entity callbacks, which are not beans. */
    public static String current() {
        return Arc.container().instance(Actor.class).get().name();
    }

    /** Editors and admins see drafts (imports not yet published); everyone else reads as if they did not exist. */
    public boolean seesDrafts() {
        return may(Roles.EDITOR);
    }

    /** Whether the caller has the role: for what a role guards beyond the API classes' @RolesAllowed. */
    public boolean may(String role) {
        return identity.hasRole(role);
    }

    /** The token's subject; mutations need a role, so an anonymous caller never gets this far in practice. */
    public String name() {
        if (identity.isAnonymous()) {
            return SYSTEM;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
