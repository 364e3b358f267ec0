package org.attache.award;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AwardInput")
@Description("An award as a press release describes it. Updates replace every field.")
public record AwardInput(
        @NonNull @NotBlank @Size(max = 300) @Description("At most 300 characters.") String name,
        @NonNull @NotNull AwardKind kind,
        @NonNull @NotNull @Id @Description("The person who received it.") String recipientId,
        @NonNull @NotBlank @Description("Alpha-3 code of the country that conferred it.") String conferredBy,
        @NonNull @NotNull LocalDate conferredOn,
        @Id @Description("The visit during which it was conferred, if any; conferredOn must then fall within it.") String delegationId,
        @Size(max = 10000) String citation) {
}
