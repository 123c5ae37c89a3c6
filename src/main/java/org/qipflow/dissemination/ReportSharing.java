package org.qipflow.dissemination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.qipflow.common.ConflictException;
import org.qipflow.common.EmailAddresses;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.common.UkDates;
import org.qipflow.common.UkTime;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.reporting.OrganisationReport;
import org.qipflow.reporting.Reports;
import org.qipflow.tasklink.TaskLink;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Report sharing as its users see it: the lead sends the report to a team, the team's contact reads it
 * from the link and says when and where the team discussed it. Each change locks what it changes and
 * moves the process on, in one transaction.
 */
@Service
class ReportSharing {

    static final int LONGEST_TEXT = 200;

    private final ReportShareRepository shares;
    private final ReportSharingProcess process;
    private final ReportSharingMails mails;
    private final OrganisationService organisations;
    private final CycleService cycles;
    private final CycleAnalysis analysis;
    private final Reports reports;
    private final TaskLinks links;
    private final Outbox outbox;
    private final Clock clock;

    ReportSharing(ReportShareRepository shares, ReportSharingProcess process, ReportSharingMails mails,
            OrganisationService organisations, CycleService cycles, CycleAnalysis analysis, Reports reports,
            TaskLinks links, Outbox outbox, Clock clock) {
        this.shares = shares;
        this.process = process;
        this.mails = mails;
        this.organisations = organisations;
        this.cycles = cycles;
        this.analysis = analysis;
        this.reports = reports;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The lead's page: the report's round, the lead's own email domain, and every team sent it so far. */
    record View(Cycle cycle, Organisation organisation, String leadDomain, List<ReportShare> shares) {
    }

    @Transactional(readOnly = true)
    View view(long cycleId, String organisationCode, String leadEmail) {
        Cycle cycle = published(cycleId, organisationCode);
        return new View(cycle, organisations.get(organisationCode), EmailAddresses.domain(leadEmail),
                shares.of(cycleId, organisationCode));
    }

    /** @param sent false when the address had been sent the report already: nothing is sent again */
    record Shared(ReportShare share, boolean sent) {
    }

    /**
     * Sends the report to a team. An address outside the lead's own email domain needs the lead's word that
     * it belongs to a team of the organisation ({@code confirmed}); the same address twice is sent it once.
     */
    @Transactional
    Shared share(long cycleId, String organisationCode, String leadEmail, String team, String contactName,
            String contactEmail, boolean confirmed) {
        published(cycleId, organisationCode);
        organisations.findForUpdate(organisationCode).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        String teamText = FieldProblem.required(problems, "team", team, "Give the team's name, like Ward 7 or Community team east", LONGEST_TEXT);
        String name = FieldProblem.required(problems, "contactName", contactName, "Give the name of the team's contact", LONGEST_TEXT);
        String email = contactEmail == null ? "" : contactEmail.trim().toLowerCase(Locale.UK);
        if (!EmailAddresses.wellFormed(email)) {
            problems.add(new FieldProblem("contactEmail", email.isEmpty() ? "Give the contact's email address"
                    : EmailAddresses.WRONG_FORMAT));
        }
        boolean outside = problems.stream().noneMatch(p -> p.field().equals("contactEmail"))
                && !EmailAddresses.domain(email).equals(EmailAddresses.domain(leadEmail));
        if (outside && !confirmed) {
            problems.add(new FieldProblem("confirmed", email + " is not at " + EmailAddresses.domain(leadEmail) + ", your own email "
                    + "domain: tick the box to confirm it belongs to a team of your organisation"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<ReportShare> existing = shares.find(cycleId, organisationCode, email);
        if (existing.isPresent()) {
            return new Shared(existing.get(), false);
        }
        long id = shares.insert(cycleId, organisationCode, teamText, name, email, outside, leadEmail, clock.instant());
        process.start(id);
        return new Shared(shares.find(id).orElseThrow(), true);
    }

    /** What a team's link opens: the share and the organisation's report, and whether the link still works. */
    record LinkPage(ReportShare share, Cycle cycle, String organisationName, OrganisationReport report,
            boolean usable) {
    }

    @Transactional(readOnly = true)
    Optional<LinkPage> linkPage(String token) {
        return links.find(token).flatMap(link -> ReportShareLink.shareOf(link).flatMap(shares::find)
                .map(share -> page(share, link)));
    }

    private LinkPage page(ReportShare share, TaskLink link) {
        return new LinkPage(share, cycles.get(share.cycleId()), organisations.get(share.organisationCode()).name(),
                reports.forOrganisation(share.cycleId(), share.organisationCode()), link.usableAt(clock.instant()));
    }

    /**
     * The team's word that it discussed the report: on which day (not after today, not before the report
     * was published) and where. Sent again, it changes nothing.
     */
    @Transactional
    ReportShare acknowledge(String token, String discussedOn, String where) {
        TaskLink link = links.find(token).orElseThrow(() -> new NotFoundException("No such link"));
        long id = ReportShareLink.shareOf(link).orElseThrow(() -> new NotFoundException("No such link"));
        ReportShare share = shares.findForUpdate(id).orElseThrow(() -> new NotFoundException("No such link"));
        if (share.acknowledged()) {
            return share;
        }
        if (!link.usableAt(clock.instant())) {
            throw new ConflictException("This link no longer works: a newer one has been sent, or it has expired");
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = discussedOn(problems, discussedOn, cycles.get(share.cycleId()));
        String place = FieldProblem.required(problems, "discussedWhere", where, "Say where the team discussed the report, like "
                + "team meeting or ward huddle", LONGEST_TEXT);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        shares.acknowledged(id, day, place, clock.instant());
        process.acknowledged(id);
        ReportShare acknowledged = shares.find(id).orElseThrow();
        outbox.enqueue(mails.toLead(acknowledged, "acknowledged", "report-share-acknowledged"));
        return acknowledged;
    }

    /**
     * A fresh link for a team whose link expired or was replaced while its acknowledgement is still
     * awaited, emailed to the contact on record, never to whoever asks; one an hour.
     *
     * @return whether one was sent
     */
    @Transactional
    boolean sendFreshLink(String token) {
        Optional<LinkPage> page = linkPage(token);
        if (page.isEmpty() || page.get().usable() || page.get().share().acknowledged()) {
            return false;
        }
        ReportShare share = shares.findForUpdate(page.get().share().id()).orElseThrow();
        return outbox.enqueue(mails.toTeam(share, "fresh-" + clock.instant().truncatedTo(ChronoUnit.HOURS)
                .getEpochSecond(), "report-shared"));
    }

    /** @throws NotFoundException unless the round's reports are out and the organisation has one */
    private Cycle published(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        if (cycle.publishedAt() == null || !analysis.aliases(cycleId).containsKey(organisationCode)) {
            throw new NotFoundException(organisationCode + " has no published report for " + cycle.title()
                    + " to share yet");
        }
        return cycle;
    }

    private LocalDate discussedOn(List<FieldProblem> problems, String text, Cycle cycle) {
        String entered = text == null ? "" : text.trim();
        Optional<LocalDate> day = UkDates.parse(entered);
        if (day.isEmpty()) {
            problems.add(new FieldProblem("discussedOn", entered.isEmpty() ? "Give the day the team discussed the "
                    + "report" : "'" + entered + "' is not a date: give it like 31/3/2031"));
            return null;
        }
        LocalDate published = cycle.publishedAt().atZone(UkTime.ZONE).toLocalDate();
        if (day.get().isAfter(LocalDate.now(clock.withZone(UkTime.ZONE)))) {
            problems.add(new FieldProblem("discussedOn", "The day it was discussed cannot be after today"));
        } else if (day.get().isBefore(published)) {
            problems.add(new FieldProblem("discussedOn", "The report was published on "
                    + published.format(ReportSharingMails.DAY) + ": give a day from then"));
        }
        return day.get();
    }
}
