package org.attache.agreement;

import static org.attache.api.Inputs.list;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.attache.api.ApiException;
import org.attache.api.Cursor;
import org.attache.api.Given;
import org.attache.api.Inputs;
import org.attache.api.Paging;
import org.attache.country.Country;
import org.attache.country.CountryService;
import org.attache.delegation.Delegation;
import org.attache.delegation.DelegationService;
import org.attache.delegation.DelegationStatus;
import org.attache.history.ChangeHistory;
import org.attache.persistence.KeysetQuery;
import org.attache.persistence.Records;
import org.attache.persistence.SortKey;
import org.attache.person.Person;
import org.attache.person.PersonService;
import org.attache.security.Actor;

@ApplicationScoped
public class AgreementService {

    @Inject
    ChangeHistory history;

    @Inject
    Validator validator;

    @Inject
    CountryService countries;

    @Inject
    PersonService persons;

    @Inject
    DelegationService delegations;

    @Inject
    Actor actor;

    public Agreement find(String id) {
        Agreement agreement = Records.find(Agreement.class, id);
        return agreement == null || !visible(agreement) ? null : agreement;
    }

    /** Whether the caller may see the document: a drafted one is for editors until published. */
    public boolean visible(Agreement agreement) {
        return !agreement.draft || actor.seesDrafts();
    }

    @Transactional
    public Agreement record(@Valid AgreementInput input) {
        Agreement agreement = new Agreement();
        apply(agreement, input);
        agreement.persist();
        history.created(agreement);
        return agreement;
    }

    @Transactional
    public Agreement update(String id, AgreementUpdateInput changes, Given given, int expectedVersion) {
        Agreement agreement = Records.require(Agreement.class, id, "id", "agreement");
        agreement.expectVersion(expectedVersion, "agreement");
        AgreementInput current = new AgreementInput(agreement.title, agreement.kind, agreement.signedOn,
                agreement.parties.stream().map(c -> c.code).toList(),
                agreement.signatories.stream().map(p -> String.valueOf(p.id)).toList(),
                agreement.delegation == null ? null : String.valueOf(agreement.delegation.id));
        AgreementInput input = Inputs.valid(validator, changes.over(current, given), given);
        return history.updated(agreement, current, input, () -> {
            apply(agreement, input);
            agreement.touch();
        });
    }

    @Transactional
    public String delete(String id) {
        history.deleted(Records.require(Agreement.class, id, "id", "agreement"));
        return id;
    }

    public AgreementConnection search(AgreementFilter filter, Integer first, String after) {
        return new AgreementConnection(plan(filter, first, after).page());
    }

    /** A page of documents signed as SQL, not yet run: its filter and size checked, its records found. */
    public KeysetQuery<Agreement> plan(AgreementFilter filter, Integer first, String after) {
        int pageSize = Paging.pageSize(first);
        AgreementFilter f = filter == null ? new AgreementFilter(null, null, null, null, null, null) : filter;
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ApiException.invalid("filter.to", "filter.to must not be before filter.from.");
        }
        String party = countries.knownCode(f.party(), "filter.party");
        Delegation visit = f.delegationId() == null ? null : delegations.require(f.delegationId(), "filter.delegationId");
        Person signatory = f.signatoryId() == null ? null : persons.require(f.signatoryId(), "filter.signatoryId");
        KeysetQuery<Agreement> query = KeysetQuery.of(Agreement.class, "agreement")
                .where("not e.draft")
                .where("exists (select 1 from agreement_party p where p.agreement_id = e.id and p.country_code = ?)", party)
                .where("e.delegation_id = ?", visit == null ? null : visit.id)
                .where("exists (select 1 from agreement_signatory s where s.agreement_id = e.id and s.person_id = ?)",
                        signatory == null ? null : signatory.id)
                .where("e.kind = ?", f.kind() == null ? null : f.kind().name())
                .where("e.signed_on >= ?", f.from())
                .where("e.signed_on <= ?", f.to());
        String cursorKind = Cursor.kind(AgreementConnection.CURSOR, party,
                visit == null ? null : visit.id, signatory == null ? null : signatory.id, f.kind(), f.from(), f.to());
        return query.orderBy(cursorKind, false, after, SortKey.ID).pageSize(pageSize);
    }

    private void apply(Agreement agreement, AgreementInput input) {
        agreement.title = input.title().strip();
        agreement.kind = input.kind();
        agreement.signedOn = input.signedOn();
        agreement.parties.clear();
        List<String> parties = list(input.parties(), "parties");
        if (parties.isEmpty()) {
            throw ApiException.invalid("parties",
                    "parties must name at least one country: the countries bound by the document.");
        }
        for (int i = 0; i < parties.size(); i++) {
            Country party = countries.require(parties.get(i), "parties[" + i + "]");
            if (agreement.parties.contains(party)) {
                throw ApiException.invalid("parties[" + i + "]", party.code + " is listed more than once.");
            }
            agreement.parties.add(party);
        }
        agreement.signatories.clear();
        List<String> signatories = list(input.signatoryIds(), "signatoryIds");
        for (int i = 0; i < signatories.size(); i++) {
            Person person = persons.referenced(signatories.get(i), "signatoryIds[" + i + "]");
            if (agreement.signatories.contains(person)) {
                throw ApiException.invalid("signatoryIds[" + i + "]", "Person " + person.id + " is listed more than once.");
            }
            agreement.signatories.add(person);
        }
        agreement.delegation = null;
        if (input.delegationId() != null) {
            Delegation visit = Records.referenced(Delegation.class, input.delegationId(), "delegationId", "delegation");
            if (input.signedOn() != null && !visit.covers(input.signedOn())) {
                throw ApiException.invalid("signedOn", "signedOn " + input.signedOn()
                        + " is outside the visit it was signed during, which " + visit.span() + ".");
            }
            boolean draftVisit = visit.status == DelegationStatus.DRAFT;
            if (agreement.id != null && agreement.draft != draftVisit) {
                throw ApiException.invalid("delegationId", "A document and the visit it was signed during are published"
                        + " together: a " + (agreement.draft ? "drafted" : "published") + " document cannot move to a "
                        + (draftVisit ? "drafted" : "published") + " visit.");
            }
            agreement.draft = draftVisit;
            agreement.delegation = visit;
        }
    }
}
