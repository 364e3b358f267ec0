package org.attache.person;

import org.attache.api.Given;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PersonUpdateInput")
@Description("Changes to a person: a field left out keeps its value, null clears it (refused where PersonInput requires"
        + " it). Each field means what it means in PersonInput.")
public record PersonUpdateInput(
        @Description("At most 200 characters; cannot be cleared.") String fullName,
        @Description("At most 100 characters; null clears it.") String rank,
        @Description("At most 300 characters; null clears it.") String position,
        @Description("Alpha-3 code; cannot be cleared.") String country,
        @Description("At most 60 characters; null clears it.") String title) {

    /** The person as they will be: what this input gives, and the current value of every field it leaves out. */
    PersonInput over(PersonInput current, Given given) {
        return new PersonInput(
                given.or("fullName", fullName, current.fullName()),
                given.or("rank", rank, current.rank()),
                given.or("position", position, current.position()),
                given.or("country", country, current.country()),
                given.or("title", title, current.title()));
    }
}
