package org.qipflow.dataqueries;

import java.time.Clock;
import java.util.List;

import org.qipflow.common.ConflictException;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.definitions.PersonalDataGuard;
import org.qipflow.participation.LeadLinks;
import org.qipflow.participation.Participant;
import org.qipflow.participation.ParticipationService;
import org.qipflow.submissions.AuditRecord;
import org.qipflow.submissions.RecordService;
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

    private final DataQueryRepository repository;
    private final ParticipationService participation;
    private final RecordService records;
    private final DataQueryMails mails;
    private final LeadLinks links;
    private final Clock clock;

    DataQueries(DataQueryRepository repository, ParticipationService participation, RecordService records,
            DataQueryMails mails, LeadLinks links, Clock clock) {
        this.repository = repository;
        this.participation = participation;
        this.records = records;
        this.mails = mails;
        this.links = links;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DataQuery> of(long cycleId, String organisationCode) {
        return repository.of(cycleId, organisationCode);
    }

    @Transactional(readOnly = true)
    public DataQuery get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("No query " + id));
    }

    /** Asks the organisation's lead; about one record when {@code recordId} is given. */
    @Transactional
    public DataQuery ask(long cycleId, String organisationCode, Long recordId, String question, String askedBy) {
        Participant participant = participation.participant(cycleId, organisationCode);
        String text = checked("question", question, MOST_QUESTION, "Write the question for the local lead");
        AuditRecord record = recordId == null ? null : records.get(cycleId, participant.organisationCode(), recordId);
        long id = repository.insert(cycleId, participant.organisationCode(), recordId,
                record == null ? null : record.teamCode() + " / " + record.pseudonym(), text, askedBy, clock.instant());
        DataQuery query = get(id);
        mails.asked(query);
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
        repository.answer(queryId, text, clock.instant());
        DataQuery answered = get(queryId);
        links.endQueryLink(query.organisationCode(), query.cycleId(), queryId);
        mails.answered(answered);
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
}
