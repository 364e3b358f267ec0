package org.attache.person;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.attache.api.Given;
import org.attache.api.Resolvers;
import org.attache.security.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.graphql.api.Context;

@GraphQLApi
@Resolvers
@RolesAllowed(Roles.VIEWER)
public class PersonApi {

    @Inject
    PersonService persons;

    @Inject
    Context context;

    @Query
    @Description("The person with this id, or null.")
    public Person person(@NonNull @Id @Description("The person's id.") String id) {
        return persons.find(id);
    }

    @Query
    @NonNull
    @Description("Persons by name. search matches part of the name, ignoring case; country is an alpha-3 code.")
    public PersonConnection persons(
            @Description("Part of the full name, ignoring case and accents, at most 500 characters; every person when left"
                    + " out or blank.") String search,
            @Description("Alpha-3 code: only persons who serve this country.") String country,
            @Description("How many persons to return, from 0 to 100; 20 when left out.") Integer first,
            @Description("Start after this cursor: an endCursor or edge cursor this list returned for the same"
                    + " search and country; the first page when left out.") String after) {
        return persons.search(search, country, first, after);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Records a person.")
    public Person createPerson(@NonNull @Description("The person to record.") PersonInput input) {
        return persons.create(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Changes the fields the input gives and keeps the others. expectedVersion must be the version last read,"
            + " or the update is a CONFLICT.")
    public Person updatePerson(
            @NonNull @Id @Description("The id of the person to change.") String id,
            @NonNull @Description("The fields to change; those left out keep their values.") PersonUpdateInput input,
            @Description("The person's version as last read.") int expectedVersion) {
        return persons.update(id, input, Given.in(context, "input"), expectedVersion);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Folds a duplicate person into the kept one in one transaction: visits led, memberships, host roles,"
            + " agenda participation, awards and signatures move to keepId, and removeId is deleted. Both must serve the"
            + " same country. The history records both.")
    public Person mergePersons(
            @NonNull @Id @Description("The id of the person to keep.") String keepId,
            @NonNull @Id @Description("The id of the duplicate to fold in and delete; not keepId.") String removeId) {
        return persons.merge(keepId, removeId);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @NonNull
    @Id
    @Description("Deletes a person recorded in error; a CONFLICT, naming what still references them, while anything does.")
    public String deletePerson(@NonNull @Id @Description("The id of the person to delete.") String id) {
        return persons.delete(id);
    }

    @Description("How many persons match, across all pages. Counted only when selected.")
    public int totalCount(@Source PersonConnection connection) {
        return connection.totalCount();
    }
}
