package org.attache.topic;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.attache.api.Resolvers;
import org.attache.security.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@Resolvers
@RolesAllowed(Roles.VIEWER)
public class TopicApi {

    @Inject
    TopicService topics;

    @Query
    @NonNull
    @Description("The cooperation topics visits and agenda items are tagged with, by label.")
    public List<@NonNull Topic> topics() {
        return topics.all();
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @NonNull
    @Description("Adds a topic to the vocabulary. A slug that exists already is a CONFLICT.")
    public Topic createTopic(@NonNull @Description("The topic to add.") TopicInput input) {
        return topics.create(input);
    }
}
