package org.qipflow.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.qipflow.notification.Outbox;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.support.AuditProcessFixture;
import org.springframework.stereotype.Component;

/** Topics proposed as a member would, and the links and emails their nomination sends. */
@Component
class TopicFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final TopicProposals proposals;
    final TopicRepository topics;
    private final AuditProcessFixture audits;
    final Outbox outbox;
    private final RuntimeService runtime;
    private final ManagementService management;

    TopicFixture(TopicProposals proposals, TopicRepository topics, AuditProcessFixture audits, Outbox outbox,
            RuntimeService runtime, ManagementService management) {
        this.proposals = proposals;
        this.topics = topics;
        this.audits = audits;
        this.outbox = outbox;
        this.runtime = runtime;
        this.management = management;
    }

    /** A proposal from a new member organisation's pharmacist, with a title no other test uses. */
    TopicProposal proposal(String email) {
        String organisation = audits.member("England");
        return new TopicProposal("Clozapine monitoring " + SEQUENCE.incrementAndGet(),
                "Blood monitoring of clozapine is missed after discharge.", "NG181",
                "Community services now initiate clozapine.", "Pat Proposer", organisation, email, "");
    }

    /** Proposes it and returns the topic stored. */
    Topic propose(TopicProposal proposal) {
        proposals.propose(proposal);
        return topics.withStatus(List.of(TopicStatus.AWAITING_CONFIRMATION)).stream()
                .filter(t -> t.title().equals(proposal.title())).findFirst().orElseThrow();
    }

    Topic get(long id) {
        return topics.find(id).orElseThrow();
    }

    ProcessInstance instance(long topicId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(TopicProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(topicId)).singleResult();
    }

    /** The emails of the topic, as their recipient gets them. */
    List<OutboxMessage> mails(long topicId) {
        return outbox.about(List.of("topic:" + topicId)).stream().map(outbox::withWorkingLinks).toList();
    }

    OutboxMessage mail(long topicId, String template) {
        return mails(topicId).stream().filter(m -> m.template().equals(template)).reduce((a, b) -> b).orElseThrow();
    }

    /** The token of the link in the latest email of this template. */
    String token(long topicId, String template) {
        String body = mail(topicId, template).textBody();
        int at = body.indexOf("/topics/links/") + "/topics/links/".length();
        return body.substring(at, at + 43);
    }

    void fire(long topicId, String timer) {
        ProcessInstance instance = instance(topicId);
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(timer).singleResult();
        if (job == null) {
            throw new AssertionError("No timer " + timer + " is waiting");
        }
        management.executeJob(job.getId());
    }

    /** All eight criteria scored Met, each with a note, and the decision's fields. */
    static Map<String, String> decision(String decision, String... fields) {
        Map<String, String> form = new HashMap<>();
        for (Criterion c : Criterion.values()) {
            form.put(c.scoreField(), CriterionScore.MET.name());
            form.put(c.noteField(), "Note on " + c.label());
        }
        form.put("decision", decision);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }
}
