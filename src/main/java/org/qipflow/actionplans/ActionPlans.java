package org.qipflow.actionplans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.qipflow.common.Choice;
import org.qipflow.common.ConflictException;
import org.qipflow.common.EmailAddresses;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.common.UkDates;
import org.qipflow.common.UkTime;
import org.qipflow.interventions.InterventionCatalogue;
import org.qipflow.notification.Outbox;
import org.qipflow.participation.CycleParticipations;
import org.qipflow.programmes.CyclePublished;
import org.qipflow.reporting.ActionPlan;
import org.qipflow.reporting.StandardRow;
import org.qipflow.tasklink.TaskLink;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action plans as their users see them: the lead chooses interventions and writes the plan, then
 * follows it and reassigns; each owner works one action from a link. Every change locks the plan,
 * keeps the action's history and moves the process on, in one transaction.
 */
@Service
class ActionPlans {

    static final int LONGEST_TEXT = 2000;
    private final PlanRepository plans;
    private final ActionPlanProcess process;
    private final ActionPlanFacts facts;
    private final ActionPlanMails mails;
    private final InterventionCatalogue catalogue;
    private final CycleParticipations participations;
    private final Outbox outbox;
    private final TaskLinks links;
    private final ActionPlan document;
    private final Clock clock;

    ActionPlans(PlanRepository plans, ActionPlanProcess process, ActionPlanFacts facts, ActionPlanMails mails,
            InterventionCatalogue catalogue, CycleParticipations participations, Outbox outbox, TaskLinks links,
            ActionPlan document, Clock clock) {
        this.document = document;
        this.plans = plans;
        this.process = process;
        this.facts = facts;
        this.mails = mails;
        this.catalogue = catalogue;
        this.participations = participations;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** Reports out: each organisation whose data counted gets its plan to write, once. */
    @EventListener
    void published(CyclePublished event) {
        for (String organisation : participations.submitted(event.cycleId())) {
            if (plans.id(event.cycleId(), organisation).isEmpty()) {
                process.start(plans.insertIfAbsent(event.cycleId(), organisation, clock.instant()));
            }
        }
    }

    /** A plan as the lead's page shows it: the plan, what it is for, and what the catalogue offers. */
    record View(Plan plan, String organisationName, String cycleTitle, String programmeCode,
            List<StandardRow> shortfalls, List<InterventionCatalogue.Offer> offers, List<ActionView> actions) {

        public boolean writing() {
            return plan.writing();
        }

        /** The standards an action can be for: those the organisation fell short of. */
        public List<Choice> standardChoices() {
            return shortfalls.stream().map(s -> Choice.of(s.id(), s.id() + ": " + s.text())).toList();
        }
    }

    record ActionView(PlanAction action, String standard, List<PlanAction.HistoryEntry> history) {
    }

    /** Empty when the organisation has no plan for the round (it did not submit, or reports are not out). */
    @Transactional(readOnly = true)
    Optional<View> view(long cycleId, String organisationCode) {
        return plans.id(cycleId, organisationCode).map(id -> view(plans.find(id).orElseThrow()));
    }

    private View view(Plan plan) {
        List<StandardRow> shortfalls = facts.shortfalls(plan);
        var cycle = facts.cycle(plan);
        List<ActionView> actions = plan.actions().stream()
                .map(a -> new ActionView(a, facts.standard(plan, a), plans.history(a.id()))).toList();
        return new View(plan, facts.about(plan).organisationName(), cycle.title(), cycle.programmeCode(), shortfalls,
                catalogue.forReport(cycle.programmeCode(), shortfalls.stream().map(StandardRow::id).toList()), actions);
    }

    /** The plan as it stands, as the editable Word document: actions under their standards, dropped ones left out. */
    @Transactional(readOnly = true)
    byte[] document(long cycleId, String organisationCode) {
        Plan plan = plans.find(plans.id(cycleId, organisationCode).orElseThrow(() -> new NotFoundException(
                organisationCode + " has no action plan for this round"))).orElseThrow();
        return document.forOrganisation(cycleId, organisationCode, plan.actions().stream()
                .filter(a -> a.status() != PlanAction.Status.DROPPED)
                .map(a -> new ActionPlan.Planned(a.standardId(), a.description() + (a.status() == PlanAction.Status.OPEN
                        ? "" : " (" + a.status().label().toLowerCase(Locale.UK) + ")"), a.ownerName(),
                        a.dueOn().format(ActionPlanMails.DAY), a.measure())).toList());
    }

    @Transactional
    void chooseInterventions(long cycleId, String organisationCode, Collection<Long> interventionIds, String actor) {
        Plan plan = writable(cycleId, organisationCode);
        Set<Long> offered = catalogue.forReport(facts.cycle(plan).programmeCode(), List.of()).stream()
                .map(o -> o.intervention().id()).collect(Collectors.toSet());
        List<Long> chosen = interventionIds == null ? List.of() : List.copyOf(Set.copyOf(interventionIds));
        for (long id : chosen) {
            if (!offered.contains(id)) {
                throw new InvalidInputException("interventions", "Choose among the programme's change interventions; "
                        + "one chosen is no longer in its catalogue");
            }
        }
        plans.chooseInterventions(plan.id(), chosen);
    }

    /** What the lead writes for an action; every field as typed. */
    record ActionInput(String standardId, String description, String ownerName, String ownerEmail, String dueOn,
            String measure) {
    }

    @Transactional
    PlanAction addAction(long cycleId, String organisationCode, ActionInput input, String actor) {
        Plan plan = writable(cycleId, organisationCode);
        List<FieldProblem> problems = new ArrayList<>();
        String standard = input.standardId() == null ? "" : input.standardId().trim().toUpperCase(Locale.UK);
        if (facts.standards(plan).stream().noneMatch(s -> s.id().equals(standard))) {
            problems.add(new FieldProblem("standardId", "Choose the standard the action is for"));
        }
        String description = FieldProblem.required(problems, "description", input.description(), "Say what will be done", LONGEST_TEXT);
        String name = FieldProblem.required(problems, "ownerName", input.ownerName(), "Give the name of the person who owns the action", LONGEST_TEXT);
        String email = input.ownerEmail() == null ? "" : input.ownerEmail().trim();
        if (!EmailAddresses.wellFormed(email)) {
            problems.add(new FieldProblem("ownerEmail", email.isEmpty() ? "Give the owner's email address: their link "
                    + "goes there" : EmailAddresses.WRONG_FORMAT));
        }
        LocalDate due = dueDate(problems, input.dueOn());
        String measure = FieldProblem.required(problems, "measure", input.measure(), "Say how progress will be measured", LONGEST_TEXT);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = plans.insertAction(plan.id(), standard, description, name, email, due, measure, clock.instant());
        plans.addEvent(id, PlanAction.Event.PLANNED, actor, null, clock.instant());
        return plans.action(id).orElseThrow();
    }

    @Transactional
    void removeAction(long cycleId, String organisationCode, long actionId) {
        Plan plan = writable(cycleId, organisationCode);
        plans.deleteAction(actionOf(plan, actionId).id());
    }

    /**
     * The plan, submitted: each standard fell short of needs an action first. The owners are then sent
     * their links, and the reminders start.
     */
    @Transactional
    Plan submit(long cycleId, String organisationCode, String actor) {
        Plan plan = writable(cycleId, organisationCode);
        List<FieldProblem> missing = facts.shortfalls(plan).stream()
                .filter(s -> plan.actions().stream().noneMatch(a -> a.standardId().equals(s.id())))
                .map(s -> new FieldProblem("actions", "Plan at least one action for " + s.id() + ": " + s.text()))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        plans.status(plan.id(), Plan.Status.IN_PROGRESS, clock.instant());
        process.submitted(plan.id());
        return plans.find(plan.id()).orElseThrow();
    }

    /** A new owner: the old owner's link ends and the new owner is sent one. */
    @Transactional
    PlanAction reassign(long cycleId, String organisationCode, long actionId, String ownerName, String ownerEmail,
            String actor) {
        Plan plan = submitted(cycleId, organisationCode);
        PlanAction action = openAction(plan, actionId);
        List<FieldProblem> problems = new ArrayList<>();
        String name = FieldProblem.required(problems, "ownerName", ownerName, "Give the new owner's name", LONGEST_TEXT);
        String email = ownerEmail == null ? "" : ownerEmail.trim();
        if (!EmailAddresses.wellFormed(email)) {
            problems.add(new FieldProblem("ownerEmail", EmailAddresses.WRONG_FORMAT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (email.equalsIgnoreCase(action.ownerEmail()) && name.equals(action.ownerName())) {
            return action; // the same owner again changes nothing
        }
        links.revokeSubject(ActionLink.subject(actionId), ActionLink.PURPOSE);
        plans.owner(actionId, name, email);
        int count = (int) plans.history(actionId).stream().filter(h -> h.event() == PlanAction.Event.REASSIGNED).count();
        plans.addEvent(actionId, PlanAction.Event.REASSIGNED, actor, "From " + action.ownerName() + " to " + name,
                clock.instant());
        PlanAction now = plans.action(actionId).orElseThrow();
        outbox.enqueue(mails.toOwner(facts.about(plan), now, facts.standard(plan, now), "reassigned-" + (count + 1),
                "action-owner"));
        return now;
    }

    /** The lead takes an action off the plan, saying why; its owner's link ends. */
    @Transactional
    void drop(long cycleId, String organisationCode, long actionId, String reason, String actor) {
        Plan plan = submitted(cycleId, organisationCode);
        PlanAction action = openAction(plan, actionId);
        String why = text("reason", reason);
        if (why == null) {
            throw new InvalidInputException("reason", "Say why the action is dropped");
        }
        close(plan, action, PlanAction.Status.DROPPED, PlanAction.Event.DROPPED, why, actor);
    }

    /** What an owner's link shows: the action, and whether the link still works. */
    record LinkPage(Plan plan, PlanAction action, String standard, String organisationName, String cycleTitle,
            String leadName, boolean usable) {
    }

    @Transactional(readOnly = true)
    Optional<LinkPage> linkPage(String token) {
        return links.find(token).flatMap(link -> ActionLink.actionOf(link).flatMap(plans::action).map(action -> {
            Plan plan = plans.find(action.planId()).orElseThrow();
            ActionPlanMails.About about = facts.about(plan);
            return new LinkPage(plan, action, facts.standard(plan, action), about.organisationName(),
                    about.cycleTitle(), about.leadName(), action.open() && link.usableAt(clock.instant()));
        }));
    }

    /**
     * A fresh link for an owner whose link expired or was replaced while the action is still theirs and
     * open, emailed to the owner on record, never to whoever asks; one an hour.
     *
     * @return whether one was sent
     */
    @Transactional
    boolean sendFreshLink(String token) {
        Optional<LinkPage> page = linkPage(token);
        if (page.isEmpty() || page.get().usable() || !page.get().action().open()) {
            return false;
        }
        Plan plan = plans.findForUpdate(page.get().plan().id()).orElseThrow();
        PlanAction action = plans.action(page.get().action().id()).orElseThrow();
        return outbox.enqueue(mails.toOwner(facts.about(plan), action, facts.standard(plan, action),
                "fresh-" + clock.instant().truncatedTo(ChronoUnit.HOURS).getEpochSecond(), "action-owner"));
    }

    /** The owner's word on the action: DONE (a note optional), BLOCKED (the reason), CHANGED (what, and any new date). */
    @Transactional
    PlanAction update(String token, String status, String note, String newDueOn) {
        TaskLink link = links.find(token).orElseThrow(() -> new NotFoundException("No such link"));
        long actionId = ActionLink.actionOf(link).orElseThrow(() -> new NotFoundException("No such link"));
        PlanAction action = plans.action(actionId).orElseThrow(() -> new NotFoundException("No such link"));
        Plan plan = plans.findForUpdate(action.planId()).orElseThrow();
        action = plans.action(actionId).orElseThrow();
        if (!action.open() || !link.usableAt(clock.instant())) {
            throw new ConflictException("This action is " + action.status().label().toLowerCase(Locale.UK)
                    + " and no longer takes changes from this link");
        }
        String actor = action.ownerName() + " (owner)";
        String text = text("note", note);
        ActionPlanMails.About about = facts.about(plan);
        String standard = facts.standard(plan, action);
        switch (status == null ? "" : status.trim().toUpperCase(Locale.UK)) {
            case "DONE" -> {
                close(plan, action, PlanAction.Status.DONE, PlanAction.Event.DONE, text, actor);
                outbox.enqueue(mails.toLead(about, plans.action(actionId).orElseThrow(), standard, "done",
                        action.ownerName() + " has marked the action done" + (text == null ? "" : ": " + text)));
            }
            case "BLOCKED" -> {
                if (text == null) {
                    throw new InvalidInputException("note", "Say what is blocking the action, so the lead can help");
                }
                plans.actionStatus(actionId, PlanAction.Status.BLOCKED, text, null);
                plans.addEvent(actionId, PlanAction.Event.BLOCKED, actor, text, clock.instant());
                outbox.enqueue(mails.toLead(about, action, standard, "blocked-" + clock.instant().getEpochSecond(),
                        action.ownerName() + " says the action is blocked: " + text));
            }
            case "CHANGED" -> {
                List<FieldProblem> problems = new ArrayList<>();
                if (text == null) {
                    problems.add(new FieldProblem("note", "Say what has changed about the action"));
                }
                LocalDate due = newDueOn == null || newDueOn.isBlank() ? action.dueOn() : dueDate(problems, newDueOn);
                if (!problems.isEmpty()) {
                    throw new InvalidInputException(problems);
                }
                plans.change(actionId, action.description(), due, action.measure());
                plans.actionStatus(actionId, PlanAction.Status.OPEN, text, null);
                plans.addEvent(actionId, PlanAction.Event.CHANGED, actor, text + (due.equals(action.dueOn()) ? ""
                        : ". Now due " + due.format(ActionPlanMails.DAY)), clock.instant());
                if (!due.equals(action.dueOn())) {
                    process.moveReminders(plan.id(), actionId, ActionPlanActions.before(due), ActionPlanActions.after(due));
                }
                outbox.enqueue(mails.toLead(about, plans.action(actionId).orElseThrow(), standard,
                        "changed-" + clock.instant().getEpochSecond(), action.ownerName() + " has changed the action: "
                                + text));
            }
            default -> throw new InvalidInputException("status", "Choose whether the action is done, blocked or changed");
        }
        return plans.action(actionId).orElseThrow();
    }

    private void close(Plan plan, PlanAction action, PlanAction.Status status, PlanAction.Event event, String note,
            String actor) {
        plans.actionStatus(action.id(), status, note, clock.instant());
        plans.addEvent(action.id(), event, actor, note, clock.instant());
        links.revokeSubject(ActionLink.subject(action.id()), ActionLink.PURPOSE);
        process.closed(plan.id(), action.id());
    }

    private Plan writable(long cycleId, String organisationCode) {
        Plan plan = locked(cycleId, organisationCode);
        if (!plan.writing()) {
            throw new ConflictException("The action plan has been submitted: its actions are with their owners. "
                    + "Reassign or drop an action instead");
        }
        return plan;
    }

    private Plan submitted(long cycleId, String organisationCode) {
        Plan plan = locked(cycleId, organisationCode);
        if (plan.writing()) {
            throw new ConflictException("The action plan has not been submitted yet: change the action while writing it");
        }
        return plan;
    }

    private Plan locked(long cycleId, String organisationCode) {
        long id = plans.id(cycleId, organisationCode).orElseThrow(() -> new NotFoundException(organisationCode
                + " has no action plan for this round: plans start when the round's reports are published"));
        return plans.findForUpdate(id).orElseThrow();
    }

    private static PlanAction actionOf(Plan plan, long actionId) {
        return plan.actions().stream().filter(a -> a.id() == actionId).findFirst()
                .orElseThrow(() -> new NotFoundException("The plan has no action " + actionId));
    }

    private static PlanAction openAction(Plan plan, long actionId) {
        PlanAction action = actionOf(plan, actionId);
        if (!action.open()) {
            throw new ConflictException("The action is " + action.status().label().toLowerCase(Locale.UK) + " already");
        }
        return action;
    }

    private LocalDate dueDate(List<FieldProblem> problems, String value) {
        String text = value == null ? "" : value.trim();
        LocalDate date = UkDates.parse(text).orElse(null);
        if (date == null) {
            problems.add(new FieldProblem("dueOn", text.isEmpty() ? "Give the date the action is due"
                    : "'" + text + "' is not a date: give it like 31/3/2031"));
            return null;
        }
        LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
        if (!date.isAfter(today)) {
            problems.add(new FieldProblem("dueOn", "The due date must be after today"));
        } else if (ChronoUnit.YEARS.between(today, date) >= 2) {
            problems.add(new FieldProblem("dueOn", "The due date must be within two years"));
        }
        return date;
    }

    private static String text(String field, String value) {
        String text = value == null ? "" : value.trim();
        if (text.length() > LONGEST_TEXT) {
            throw new InvalidInputException(field, "Shorten it to " + LONGEST_TEXT + " characters or fewer");
        }
        return text.isEmpty() ? null : text;
    }
}
