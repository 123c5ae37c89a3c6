package org.qipflow.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.qipflow.common.PublicAddress;
import org.qipflow.common.UkTime;
import org.qipflow.interventions.InterventionCatalogue;
import org.qipflow.membership.OrganisationContacts;
import org.qipflow.membership.OrganisationInput;
import org.qipflow.membership.OrganisationService;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.ProgrammeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a handful of fictitious member organisations into an empty database, so a newcomer sees
 * a working programme at once, with its outlier policy, a change intervention and one organisation's
 * contacts. Every name says "(demo)" and every address is at example.org.
 */
@Component
@ConditionalOnProperty(name = "qipflow.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrganisationService organisations;
    private final ProgrammeService programmes;
    private final CycleService cycles;
    private final ParticipationService participation;
    private final Clock clock;
    private final String username;
    private final String password;
    private final PublicAddress address;
    private final InterventionCatalogue interventions;
    private final OrganisationContacts contacts;

    DemoData(OrganisationService organisations, ProgrammeService programmes, CycleService cycles,
            ParticipationService participation, Clock clock, @Value("${qipflow.admin.username}") String username,
            @Value("${qipflow.admin.password}") String password, PublicAddress address,
            InterventionCatalogue interventions, OrganisationContacts contacts) {
        this.interventions = interventions;
        this.contacts = contacts;
        this.address = address;
        this.organisations = organisations;
        this.programmes = programmes;
        this.cycles = cycles;
        this.participation = participation;
        this.clock = clock;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organisations.list(null).isEmpty()) {
            organisationsFor(LocalDate.now(clock).getYear()).forEach(organisations::create);
            runningCycle();
            log.info("Demo data loaded: {} fictitious member organisations and a running audit cycle",
                    organisations.list(null).size());
        }
        if ("coordinator".equals(password)) {
            log.info("Demo mode: open {} and sign in as '{}' with password 'coordinator'", address.of("/"), username);
        } else {
            log.info("Demo mode: open {} and sign in as '{}'", address.of("/"), username);
        }
    }

    /**
     * A baseline cycle whose data collection starts on a Monday two weeks on, so its materials went out
     * two weeks ago: every demo lead has an email with a link in the Outbox, ready to play the lead's part.
     */
    private void runningCycle() {
        programmes.create("QIP-7", "Monitoring of patients prescribed lithium (demo)", "lithium-monitoring");
        Cycle cycle = cycles.schedule("QIP-7", CycleKind.BASELINE,
                LocalDate.now(clock).plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).atTime(9, 0)
                        .atZone(UkTime.ZONE), Map.of());
        organisations.list(true).forEach(o -> participation.join(cycle.id(), o.code()));
        programmes.setOutlierPolicy("QIP-7", List.of("S1", "S2"), false);
        interventions.add("QIP-7", new InterventionCatalogue.Submission("Lithium monitoring: slides for team meetings "
                + "(demo)", "SLIDE_SET", "Twenty minutes for a team meeting: which tests people on lithium need, and "
                + "how often.", "https://www.example.org/qipflow-demo/lithium-slides", null, List.of("S1", "S2", "S3"),
                null, null));
        contacts.appoint("XA1", "CLINICAL", "Dr Anil Mehta (demo)", "anil.mehta@example.org");
        contacts.appoint("XA1", "CHIEF_EXECUTIVE", "Jo Hartley (demo)", "jo.hartley@example.org");
        contacts.appoint("XA1", "MEDICAL_DIRECTOR", "Dr Grace Obi (demo)", "grace.obi@example.org");
    }

    static List<OrganisationInput> organisationsFor(int year) {
        String firstTerm = null; // a first term: this year's end, or next year's from the renewal notice on
        String inThreeYears = (year + 2) + "-12-31";
        return List.of(
                demo("XA1", "Riverside Mental Health NHS Foundation Trust (demo)", "England", "NHS trust",
                        "Priya Raman", "priya.raman@example.org", "Chief Pharmacist", inThreeYears),
                demo("XA2", "Northfield Partnership NHS Trust (demo)", "England", "NHS trust",
                        "Tom Adeyemi", "tom.adeyemi@example.org", "Clinical Audit Lead", firstTerm),
                demo("XB1", "Glenmore Health Board (demo)", "Scotland", "Health board",
                        "Fiona MacLeod", "fiona.macleod@example.org", "Lead Pharmacist, Mental Health", inThreeYears),
                demo("XC1", "Bro Taf University Health Board (demo)", "Wales", "Health board",
                        "Rhys Evans", "rhys.evans@example.org", "Consultant Psychiatrist", firstTerm),
                demo("XD1", "Lagan Valley Health and Social Care Trust (demo)", "Northern Ireland", "NHS trust",
                        "Niamh O'Neill", "niamh.oneill@example.org", "Senior Pharmacist", inThreeYears),
                demo("XE1", "Harbour View Independent Hospitals (demo)", "England", "Independent provider",
                        "Sam Whitfield", "sam.whitfield@example.org", "Head of Pharmacy", firstTerm));
    }

    private static OrganisationInput demo(String code, String name, String nation, String type, String leadName,
            String leadEmail, String leadJobTitle, String membershipEnds) {
        return new OrganisationInput(code, name, nation, type, leadName, leadEmail, leadJobTitle, membershipEnds);
    }
}
