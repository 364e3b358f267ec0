package org.attache.persistence;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;

import org.attache.graphql.ApiException;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record clients edit: a numeric id, an optimistic-locking version and when it was created and last changed. */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    public Long id;

    @Version
    @Description("Increases with every change; send it back as expectedVersion when updating.")
    public int version;

    @Column(name = "created_at", nullable = false, updatable = false)
    @NonNull
    @Description("When the record was created.")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    @NonNull
    @Description("When the record was last changed.")
    public OffsetDateTime updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = now();
        updatedAt = createdAt;
    }

    /** Records an edit; also makes the entity dirty, so its version moves even when only its children changed. */
    public void touch() {
        updatedAt = now();
    }

    /** Optimistic locking as clients see it: an update names the version it was based on. */
    public void expectVersion(int expected, String what) {
        if (version != expected) {
            throw ApiException.conflict("The " + what + " was changed by someone else: you sent version " + expected
                    + " but it is at version " + version + ". Reload it and apply your change again.");
        }
    }

    private static OffsetDateTime now() {
        // PostgreSQL keeps microseconds; truncating keeps the value a client reads back equal to the stored one.
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
