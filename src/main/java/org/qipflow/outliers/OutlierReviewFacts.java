package org.qipflow.outliers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.qipflow.definitions.Standard;
import org.qipflow.membership.ContactRole;
import org.qipflow.membership.Nation;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationContact;
import org.qipflow.membership.OrganisationContacts;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.reporting.OutlierFlags;
import org.qipflow.reporting.Scope;
import org.qipflow.reporting.SmallNumbers;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Component;

/**
 * Everything a review's emails, letter and pages say about it, read in one place: the organisation and
 * its people, the round, the standard, and the figures as opened and as the analysis has them now.
 */
@Component
class OutlierReviewFacts {

    private final OrganisationService organisations;
    private final OrganisationContacts contacts;
    private final CycleService cycles;
    private final RecordService records;
    private final CycleAnalysis analysis;

    OutlierReviewFacts(OrganisationService organisations, OrganisationContacts contacts, CycleService cycles,
            RecordService records, CycleAnalysis analysis) {
        this.organisations = organisations;
        this.contacts = contacts;
        this.cycles = cycles;
        this.records = records;
        this.analysis = analysis;
    }

    /**
     * @param current the organisation's flag on the standard now, empty when it is no longer beyond the limits
     */
    record Facts(OutlierReview review, Organisation organisation, Cycle cycle, String standardText,
            int nationalNumerator, int nationalDenominator, Optional<OutlierFlags.Flag> current,
            Map<ContactRole, OrganisationContact> contacts) {

        public String nationalPercent() {
            return SmallNumbers.exactPercent(nationalNumerator, nationalDenominator);
        }

        /** "S1: Serum lithium level measured in the past 3 months" */
        public String standard() {
            return review.standardId() + ": " + standardText;
        }

        /** The figures the review was opened with, in one sentence. */
        public String openedFigures() {
            return figures(review.openedNumerator(), review.openedDenominator(), review.openedZ(), review.openedLevel(),
                    review.openedDirection());
        }

        /** The figures now, after any correction, in one sentence. */
        public String currentFigures() {
            return current.map(f -> figures(f.numerator(), f.denominator(), f.z(), f.level(), f.direction()))
                    .orElse("now within the limits: no longer an outlier on this standard");
        }

        private static String figures(int numerator, int denominator, double z, OutlierFlags.Level level,
                OutlierFlags.Direction direction) {
            return SmallNumbers.exactPercent(numerator, denominator) + " (" + numerator + " of " + denominator + "), "
                    + String.format(Locale.UK, "z = %.2f", z) + ": " + levelWords(level) + ", "
                    + direction.name().toLowerCase(Locale.UK) + " the national figure";
        }

        /** The local lead and, when there is one, the clinical contact: who is told and who responds. */
        List<OutlierRecipient.Person> organisationContacts() {
            List<OutlierRecipient.Person> people = new ArrayList<>();
            if (organisation.localLead() != null) {
                people.add(new OutlierRecipient.Person(OutlierRecipient.LOCAL_LEAD, organisation.localLead().name(),
                        organisation.localLead().email()));
            }
            person(OutlierRecipient.CLINICAL_CONTACT).ifPresent(people::add);
            return people;
        }

        /** The chief executive and the medical director on record, whom an alarm's letter goes to. */
        List<OutlierRecipient.Person> executives() {
            List<OutlierRecipient.Person> people = new ArrayList<>();
            person(OutlierRecipient.CHIEF_EXECUTIVE).ifPresent(people::add);
            person(OutlierRecipient.MEDICAL_DIRECTOR).ifPresent(people::add);
            return people;
        }

        Optional<OutlierRecipient.Person> person(OutlierRecipient recipient) {
            if (recipient == OutlierRecipient.LOCAL_LEAD) {
                return organisationContacts().stream().filter(p -> p.as() == recipient).findFirst();
            }
            return Optional.ofNullable(contacts.get(recipient.role()))
                    .map(c -> new OutlierRecipient.Person(recipient, c.name(), c.email()));
        }
    }

    static String levelWords(OutlierFlags.Level level) {
        return level == OutlierFlags.Level.ALARM ? "an alarm (beyond 3 standard deviations)"
                : "an alert (beyond 2 standard deviations)";
    }

    /** Whose working days the review's windows count in. */
    Nation nationOf(OutlierReview review) {
        return organisations.get(review.organisationCode()).nation();
    }

    Facts of(OutlierReview review) {
        Cycle cycle = cycles.get(review.cycleId());
        String text = records.definitionOf(cycle.id()).standards().stream()
                .filter(s -> s.id().equals(review.standardId())).map(Standard::text).findFirst().orElse("");
        Optional<OutlierFlags.StandardOutliers> indicator = analysis.outliers(cycle.id()).stream()
                .filter(o -> o.standardId().equals(review.standardId())).findFirst();
        int numerator;
        int denominator;
        if (indicator.isPresent()) {
            numerator = indicator.get().nationalNumerator();
            denominator = indicator.get().nationalDenominator();
        } else { // no longer an indicator of the programme: the national figure from the analysis
            var national = analysis.figures(cycle.id()).stream()
                    .filter(f -> f.scope() == Scope.NATIONAL && f.standardId().equals(review.standardId())).findFirst();
            numerator = national.map(f -> f.numerator()).orElse(0);
            denominator = national.map(f -> f.denominator()).orElse(0);
        }
        Optional<OutlierFlags.Flag> current = indicator.stream().flatMap(o -> o.flags().stream())
                .filter(f -> f.organisationCode().equals(review.organisationCode())).findFirst();
        return new Facts(review, organisations.get(review.organisationCode()), cycle, text, numerator, denominator,
                current, contacts.current(review.organisationCode()));
    }
}
