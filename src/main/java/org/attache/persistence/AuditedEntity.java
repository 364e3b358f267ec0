package org.attache.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;

import org.attache.security.Actor;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record that says when and by whom it was created and last changed (the token's subject). */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    @Column(name = "created_at", nullable = false, updatable = false)
    @NonNull
    @Description("When the record was created.")
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    @NonNull
    @Description("Who created the record: the subject of their token, or 'system'.")
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    @NonNull
    @Description("When the record was last changed.")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    @NonNull
    @Description("Who changed the record last.")
    public String updatedBy;

    @PrePersist
    void onCreate() {
        createdAt = now();
        createdBy = Actor.current();
        updatedAt = createdAt;
        updatedBy = createdBy;
    }

    /** Records an edit; also makes the entity dirty, so its version moves even when only its children changed. */
    public void touch() {
        updatedAt = now();
        updatedBy = Actor.current();
    }

    private static OffsetDateTime now() {
        // PostgreSQL keeps microseconds; truncating keeps the value a client reads back equal to the stored one. In UTC,
        // as Hibernate reads it back and SqlText writes it: an answer right after a change reads as every later one.
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
