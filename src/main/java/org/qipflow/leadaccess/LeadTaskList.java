package org.qipflow.leadaccess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.qipflow.actionplans.ActionPlanProgress;
import org.qipflow.common.ConflictException;
import org.qipflow.common.Dates;
import org.qipflow.common.UkTime;
import org.qipflow.dissemination.ReportReach;
import org.qipflow.membership.OrganisationService;
import org.qipflow.participation.LeadLink;
import org.qipflow.participation.LeadTask;
import org.qipflow.participation.LeadTasks;
import org.qipflow.participation.Participant;
import org.qipflow.participation.ParticipantStatus;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.submissions.RecordService;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in local lead's tasks, cycle by cycle, in the order the cycle asks for them (GOV.UK's task
 * list): confirm, enter records, submit, read the report.
 */
@Service
public class LeadTaskList {

    /** A task's state, with the words and tag colour GOV.UK's task list uses; no colour is plain text. */
    public enum Status {
        CANNOT_START_YET("Cannot start yet", null),
        NOT_STARTED("Not yet started", "blue"),
        READY("Ready", "blue"),
        IN_PROGRESS("In progress", "light-blue"),
        LATE("Deadline passed", "red"),
        COMPLETED("Completed", null),
        NOT_DONE("Not done", "grey");

        private final String label;
        private final String colour;

        Status(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }
    }

    /** What opening a task does: a task page (through a fresh link) or the report. */
    public enum Action { CONFIRM, RECORDS, REPORT, PLAN, SHARE }

    public record Item(String name, String hint, Status status, Action action) {
    }

    public record CycleTasks(Cycle cycle, String organisationCode, String organisationName, List<Item> items) {
    }

    private final ParticipationService participation;
    private final LeadTasks tasks;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final RecordService records;
    private final TaskLinks links;
    private final ActionPlanProgress plans;
    private final ReportReach reach;

    LeadTaskList(ParticipationService participation, LeadTasks tasks, CycleService cycles,
            OrganisationService organisations, RecordService records, TaskLinks links, ActionPlanProgress plans, ReportReach reach) {
        this.reach = reach;
        this.plans = plans;
        this.participation = participation;
        this.tasks = tasks;
        this.cycles = cycles;
        this.organisations = organisations;
        this.records = records;
        this.links = links;
    }

    /** The tasks of every cycle these organisations take part in, newest cycle first. */
    @Transactional(readOnly = true)
    public List<CycleTasks> of(List<String> organisationCodes) {
        List<CycleTasks> all = new ArrayList<>();
        for (String code : organisationCodes) {
            String name = organisations.get(code).name();
            for (Participant p : participation.cyclesOf(code)) {
                Cycle cycle = cycles.get(p.cycleId());
                all.add(new CycleTasks(cycle, code, name, items(cycle, p)));
            }
        }
        return all;
    }

    /**
     * A fresh single-purpose link for the organisation's task, for a lead already signed in, who may open
     * it at once rather than wait for an email. Only while the task is open.
     *
     * @return the path of the task page, {@code /tasks/{token}}
     */
    @Transactional
    public String openTask(long cycleId, String organisationCode, Action action) {
        Cycle cycle = cycles.get(cycleId);
        Participant participant = participation.participant(cycleId, organisationCode);
        LeadTask task = switch (action) {
            case CONFIRM -> LeadTask.CONFIRM_PARTICIPATION;
            case RECORDS -> LeadTask.SUBMIT_DATA;
            case REPORT, PLAN, SHARE -> throw new ConflictException("The report, the action plan and sharing open from their "
                    + "own addresses");
        };
        if (tasks.actionable(cycle, participant).filter(task::equals).isEmpty()) {
            throw new ConflictException("This task is not open: it may be done already, or not started yet");
        }
        return "/tasks/" + links.issue(organisationCode, LeadLink.subject(cycle.id()), task.name(), LINK_VALIDITY);
    }

    /** Links opened from the task list only need to last the visit. */
    private static final Duration LINK_VALIDITY = Duration.ofHours(12);

    private List<Item> items(Cycle cycle, Participant p) {
        Optional<LeadTask> open = tasks.actionable(cycle, p);
        List<Item> items = new ArrayList<>();
        String confirm = LeadTask.CONFIRM_PARTICIPATION.action();
        if (p.status() == ParticipantStatus.DECLINED) {
            items.add(new Item(confirm, "Not taking part in this cycle", Status.COMPLETED, null));
            return items;
        }
        if (p.status() == ParticipantStatus.INVITED) {
            boolean canConfirm = open.filter(LeadTask.CONFIRM_PARTICIPATION::equals).isPresent();
            items.add(canConfirm ? new Item(confirm, null, Status.NOT_STARTED, Action.CONFIRM)
                    : new Item(confirm, cycle.closedAt() != null ? "The cycle has closed"
                            : "The audit materials come on " + day(cycle, Milestone.MATERIALS_DISPATCH),
                            cycle.closedAt() != null ? Status.NOT_DONE : Status.CANNOT_START_YET, null));
        } else {
            items.add(new Item(confirm, "Teams: " + String.join(", ", p.teams()), Status.COMPLETED, null));
        }

        boolean canEnter = open.filter(LeadTask.SUBMIT_DATA::equals).isPresent();
        long count = records.counts(cycle.id()).getOrDefault(p.organisationCode(), 0L);
        String deadline = Dates.format(participation.deadline(cycle, p).atZone(UkTime.ZONE));
        if (canEnter) {
            items.add(new Item("Enter or upload your records", count == 1 ? "1 record" : count + " records",
                    p.status().submitted() ? Status.COMPLETED : count == 0 ? Status.NOT_STARTED : Status.IN_PROGRESS,
                    Action.RECORDS));
        } else {
            items.add(new Item("Enter or upload your records", cycle.closedAt() != null ? count + " records"
                    : "Submission opens on " + day(cycle, Milestone.SUBMISSION_OPENS),
                    cycle.closedAt() != null ? (count > 0 ? Status.COMPLETED : Status.NOT_DONE) : Status.CANNOT_START_YET,
                    null));
        }

        if (p.status().submitted()) {
            items.add(new Item("Submit your audit data", "Submitted", Status.COMPLETED, null));
        } else if (canEnter) {
            items.add(new Item("Submit your audit data", "By " + deadline,
                    p.status() == ParticipantStatus.LATE ? Status.LATE : Status.NOT_STARTED, Action.RECORDS));
        } else {
            items.add(new Item("Submit your audit data", cycle.closedAt() != null ? "Not submitted" : "By " + deadline,
                    cycle.closedAt() != null ? Status.NOT_DONE : Status.CANNOT_START_YET, null));
        }

        boolean reportReady = p.status().submitted() && cycle.publishedAt() != null;
        items.add(new Item("Read your report", reportReady ? "With the PDF, action plan and slides"
                : "Reports are due on " + day(cycle, Milestone.REPORT_DUE),
                reportReady ? Status.READY : p.status().submitted() || cycle.closedAt() == null
                        ? Status.CANNOT_START_YET : Status.NOT_DONE, reportReady ? Action.REPORT : null));
        plans.of(cycle.id(), p.organisationCode()).ifPresent(plan -> items.add(new Item("Write and follow your action plan",
                plan.written() ? plan.progress() : "Choose interventions and plan an action for each standard fallen short of",
                plan.complete() ? Status.COMPLETED : plan.written() ? Status.IN_PROGRESS : Status.NOT_STARTED,
                Action.PLAN)));
        if (reportReady) {
            ReportReach.Reach reached = reach.of(cycle.id()).getOrDefault(p.organisationCode(), ReportReach.Reach.NONE);
            items.add(new Item("Share the report with your teams", reached.teams() == 0
                    ? "Send each team a link and hear when they discussed it"
                    : "Sent to " + reached.teams() + (reached.teams() == 1 ? " team, " : " teams, ")
                            + reached.acknowledged() + " discussed it",
                    reached.teams() == 0 ? Status.NOT_STARTED
                            : reached.acknowledged() == reached.teams() ? Status.COMPLETED : Status.IN_PROGRESS,
                    Action.SHARE));
        }
        return items;
    }

    private static String day(Cycle cycle, Milestone milestone) {
        return Dates.format(cycle.milestones().get(milestone));
    }
}
