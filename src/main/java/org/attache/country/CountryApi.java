package org.attache.country;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.attache.api.Resolvers;
import org.attache.security.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@Resolvers
@RolesAllowed(Roles.VIEWER)
public class CountryApi {

    @Inject
    CountryService countries;

    @Query
    @Description("The country with this ISO 3166-1 alpha-3 code (case-insensitive), or null.")
    public Country country(@NonNull @Description("ISO 3166-1 alpha-3 code in any case, such as AZE.") String code) {
        return countries.find(code);
    }

    @Query
    @NonNull
    @Description("Every ISO 3166-1 country, by name.")
    public List<@NonNull Country> countries() {
        return countries.all();
    }
}
