package org.attache.pressrelease;

import java.net.URI;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.attache.api.Node;
import org.attache.delegation.Delegation;
import org.attache.delegation.VisitSource;
import org.attache.persistence.VersionedEntity;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Entity
@Table(name = "press_release_import")
@Description("A press release imported as a draft: the visit, awards and documents signed it drafted, the persons it"
        + " recognised, and the words of the text each drafted fact comes from.")
public class PressReleaseImport extends VersionedEntity implements Node {

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("Where the import stands: drafted, published or discarded.")
    public ImportStatus status;

    @NonNull
    @Description("The release's text as imported; evidence offsets point into it.")
    public String text;

    @Column(name = "text_hash")
    @Ignore
    public String textHash;

    @Column(name = "source_url")
    @Ignore
    public String sourceUrl;

    @Ignore
    public String outlet;

    @Column(name = "published_on")
    @Ignore
    public LocalDate publishedOn;

    @Ignore
    public String title;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "delegation_id")
    @Ignore
    public Delegation delegation;

    /** JSON: {"awards": [ids], "agreements": [ids], "createdPersons": [ids]}. */
    @Ignore
    public String drafted;

    /** JSON: [{"text", "start", "end", "personId", "matched"}]. */
    @Ignore
    public String people;

    /** JSON: [{"field", "start", "end", "confidence"}]. */
    @Ignore
    public String evidence;

    /** JSON: ["..."]. */
    @Ignore
    public String warnings;

    /**
     * Where the release was published, as a visit's source (not stored as one): null when neither an outlet nor a URL
     * was given; without an outlet, the URL's host names it.
     */
    public VisitSource source() {
        if (outlet == null && sourceUrl == null) {
            return null;
        }
        VisitSource source = new VisitSource();
        source.outlet = outlet != null ? outlet : URI.create(sourceUrl).getHost();
        source.url = sourceUrl;
        source.title = title;
        source.publishedOn = publishedOn;
        return source;
    }

    /** Set on the answer to an import that found the release imported before; never stored. */
    @Transient
    @Description("True when this importPressRelease found the same release (URL or text) imported before and returned"
            + " that import; false otherwise.")
    public boolean alreadyImported;
}
