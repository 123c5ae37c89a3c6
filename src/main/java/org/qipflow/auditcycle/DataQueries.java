package org.qipflow.auditcycle;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.time.Clock;
import java.util.List;
import org.qipflow.common.ConflictException;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.definitions.PersonalDataGuard;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.programmes.CycleService;
import org.qipflow.submissions.AuditRecord;
import org.qipflow.submissions.RecordService;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-quality queries: a coordinator asks about an organisation's data; the question reaches the
 * local lead by email link and is answered there; the answer comes back to the programme team.
 */
@Service
public class DataQueries {

    private static final int MOST_QUESTION = 2000;
    private static final int MOST_ANSWER = 4000;

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final ParticipationService participation;
    private final RecordService records;
    private final CycleMails mails;
    private final Outbox outbox;
    private final TaskLinks links;
    private final Clock clock;

    DataQueries(JdbcClient jdbc, CycleService cycles, OrganisationService organisations,
            ParticipationService participation, RecordService records, CycleMails mails, Outbox outbox,
            TaskLinks links, Clock clock) {
        this.links = links;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.organisations = organisations;
        this.participation = participation;
        this.records = records;
        this.mails = mails;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DataQuery> of(long cycleId, String organisationCode) {
        return jdbc.sql("select * from data_query where cycle_id = :cycle and organisation_code = :org order by asked_at desc, id desc")
                .param("cycle", cycleId).param("org", organisationCode).query(this::query).list();
    }

    @Transactional(readOnly = true)
    public DataQuery get(long id) {
        return jdbc.sql("select * from data_query where id = :id").param("id", id).query(this::query).optional()
                .orElseThrow(() -> new NotFoundException("No query " + id));
    }

    /** Asks the organisation's lead; about one record when {@code recordId} is given. */
    @Transactional
    public DataQuery ask(long cycleId, String organisationCode, Long recordId, String question, String askedBy) {
        Participant participant = participation.participant(cycleId, organisationCode);
        String text = checked("question", question, MOST_QUESTION, "Write the question for the local lead");
        AuditRecord record = recordId == null ? null : records.get(cycleId, participant.organisationCode(), recordId);
        jdbc.sql("""
                insert into data_query (cycle_id, organisation_code, record_id, record_label, question, asked_by, asked_at)
                values (:cycle, :org, :record, :label, :question, :by, :now)
                """).param("cycle", cycleId).param("org", participant.organisationCode())
                .param("record", recordId).param("label", record == null ? null : record.teamCode() + " / " + record.pseudonym())
                .param("question", text).param("by", askedBy).param("now", utc(clock.instant())).update();
        DataQuery query = of(cycleId, participant.organisationCode()).get(0);
        outbox.enqueue(mails.query(cycles.get(cycleId), organisations.get(participant.organisationCode()), query));
        return query;
    }

    /** The lead's answer; a query is answered once. */
    @Transactional
    public DataQuery answer(long queryId, String answer) {
        DataQuery query = get(queryId);
        if (query.answered()) {
            throw new ConflictException("This question has already been answered");
        }
        String text = checked("answer", answer, MOST_ANSWER, "Write your answer");
        jdbc.sql("update data_query set answer = :answer, answered_at = :now where id = :id and answered_at is null")
                .param("answer", text).param("now", utc(clock.instant())).param("id", queryId).update();
        DataQuery answered = get(queryId);
        links.revoke(query.organisationCode(), LeadLink.subject(query.cycleId()), LeadLink.queryPurpose(queryId));
        outbox.enqueue(mails.queryAnswered(cycles.get(query.cycleId()), organisations.get(query.organisationCode()),
                answered));
        return answered;
    }

    private static String checked(String field, String value, int most, String missing) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, missing);
        }
        if (text.length() > most) {
            throw new InvalidInputException(field, "Keep it to " + most + " characters");
        }
        PersonalDataGuard.textProblem(text).ifPresent(problem -> {
            throw new InvalidInputException(field, "The text " + problem);
        });
        return text;
    }

    private DataQuery query(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long recordId = rs.getLong("record_id");
        return new DataQuery(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("organisation_code"),
                rs.wasNull() ? null : recordId, rs.getString("record_label"), rs.getString("question"),
                rs.getString("asked_by"), instant(rs, "asked_at"), rs.getString("answer"), instant(rs, "answered_at"));
    }
}
