package org.attache.pressrelease;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an imported press release stands.")
public enum ImportStatus {
    @Description("Drafted: its records are seen by editors only, to be corrected and published or discarded.")
    DRAFT,
    @Description("Published: its records are ordinary records, seen by everyone.")
    PUBLISHED,
    @Description("Discarded: what it drafted was removed.")
    DISCARDED
}
