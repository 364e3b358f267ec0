package org.attache.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.attache.config.Settings;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives every identity the roles its own roles include (admin, then editor, then viewer), and, where anonymous reads
 * are switched on, gives anonymous callers the viewer role. Operations then need a single {@code @RolesAllowed} each,
 * and an anonymous caller still counts as unauthenticated for everything above reading.
 */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    private final boolean anonymousReads;

    RoleHierarchy(Settings settings) {
        this.anonymousReads = settings.auth().anonymousReads();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Set<String> implied = implied(identity);
        if (implied.stream().allMatch(identity::hasRole)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(implied).build());
    }

    private Set<String> implied(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return anonymousReads ? Set.of(Roles.VIEWER) : Set.of();
        }
        if (identity.hasRole(Roles.ADMIN)) {
            return Set.of(Roles.EDITOR, Roles.VIEWER);
        }
        if (identity.hasRole(Roles.EDITOR)) {
            return Set.of(Roles.VIEWER);
        }
        return Set.of();
    }
}
