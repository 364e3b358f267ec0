package org.attache.pressrelease;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;

import org.attache.api.Chars;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PressReleaseInput")
@Description("A press release as published: its text and where and when it appeared.")
public record PressReleaseInput(
        @NonNull @Description("The release's text as published, at most " + ImportService.MAX_TEXT
                + " characters of UTF-8 text.") String text,
        @Chars(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") @Description("Where it was published; the same URL imported again returns the same import.") String sourceUrl,
        @Chars(max = 200) @Description("Who published it, such as the Ministry of Defense of Azerbaijan.") String outlet,
        @Description("The day it was published: relative dates in the text (today, on Friday) are read from it.") LocalDate publishedOn,
        @Chars(max = 300) @Description("The release's headline, at most 300 characters.") String title) {
}
