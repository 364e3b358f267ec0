package org.attache.agreement;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.attache.api.Given;
import org.attache.api.Resolvers;
import org.attache.delegation.Delegation;
import org.attache.persistence.Batch;
import org.attache.person.Person;
import org.attache.security.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.graphql.api.Context;

@GraphQLApi
@Resolvers
@RolesAllowed(Roles.VIEWER)
public class AgreementApi {

    @Inject
    AgreementService agreements;

    @Inject
    Context context;

    @Query
    @Description("The document signed with this id, or null.")
    public Agreement agreement(@NonNull @Id @Description("The document's id.") String id) {
        return agreements.find(id);
    }

    @Query
    @NonNull
    @Description("Documents signed matching the filter, most recently recorded first. first defaults to 20, at most 100.")
    public AgreementConnection agreements(
            @Description("Narrows the list; every document when left out.") AgreementFilter filter,
            @Description("How many documents to return, from 0 to 100; 20 when left out.") Integer first,
            @Description("Start after this cursor: an endCursor or edge cursor this list returned for the same filter;"
                    + " the first page when left out.") String after) {
        return agreements.search(filter, first, after);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Records a document signed, optionally during a visit.")
    public Agreement recordAgreement(@NonNull @Description("The document to record.") AgreementInput input) {
        return agreements.record(input);
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Changes the fields the input gives and keeps the others. expectedVersion must be the version last read,"
            + " or the update is a CONFLICT.")
    public Agreement updateAgreement(
            @NonNull @Id @Description("The id of the document to change.") String id,
            @NonNull @Description("The fields to change; those left out keep their values.") AgreementUpdateInput input,
            @Description("The document's version as last read.") int expectedVersion) {
        return agreements.update(id, input, Given.in(context, "input"), expectedVersion);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @NonNull
    @Id
    @Description("Deletes a document recorded in error; returns the deleted id.")
    public String deleteAgreement(@NonNull @Id @Description("The id of the document to delete.") String id) {
        return agreements.delete(id);
    }

    @NonNull
    @Description("The persons who signed it, in the order recorded.")
    public List<@NonNull List<@NonNull Person>> signatories(@Source List<Agreement> list) {
        return Batch.many(list, "select a.id, s from Agreement a join a.signatories s where a.id in :ids order by index(s)",
                Person.class);
    }

    @Description("The visit during which it was signed, if any.")
    public List<Delegation> delegation(@Source List<Agreement> list) {
        return Batch.referenced(list, a -> a.delegation, Delegation.class);
    }

    @NonNull
    @Name("agreements")
    @Description("Documents signed during the visit.")
    public List<@NonNull List<@NonNull Agreement>> agreementsOfVisits(@Source List<Delegation> visits) {
        return Batch.many(visits,
                "select a.delegation.id, a from Agreement a where a.delegation.id in :ids order by " + Agreement.ORDER.hql("a"),
                Agreement.class);
    }

    @Description("How many documents match the filter, across all pages. Counted only when selected.")
    public int totalCount(@Source AgreementConnection connection) {
        return connection.totalCount();
    }
}
