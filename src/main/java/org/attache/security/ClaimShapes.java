package org.attache.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * smallrye-jwt's token parsing, with a token whose claims have the wrong shape (groups as a JSON object) refused as
 * unreadable: smallrye-jwt fails on one with a ClassCastException, which reached the client as a server error, where
 * any other unreadable token is a 401.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ClaimShapes extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory parser = new DefaultJWTCallerPrincipalFactory();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        try {
            return parser.parse(token, authContextInfo);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new ParseException("A claim of the token has the wrong shape", e);
        }
    }
}
