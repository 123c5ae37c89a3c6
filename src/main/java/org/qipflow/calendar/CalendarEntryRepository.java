package org.qipflow.calendar;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code calendar_entry}. */
@Repository
class CalendarEntryRepository {

    private final JdbcClient jdbc;

    CalendarEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Standing entries, and cancelled ones for a while so subscribed calendars learn of it. */
    private static final String STANDING = "(status <> 'CANCELLED' or last_modified > :since)";

    /** What the feed holds now, in one aggregate query: its ETag and Last-Modified come from it. */
    FeedVersion version(Feed feed, Instant cancelledSince) {
        return jdbc.sql("select count(*) as n, max(last_modified) as latest, coalesce(sum(sequence), 0) as revisions"
                        + " from calendar_entry where " + feed.where() + " and " + STANDING)
                .params(feed.params()).param("since", utc(cancelledSince))
                .query((rs, n) -> new FeedVersion(feed.name(), rs.getLong("n"),
                        instant(rs, "latest"), rs.getLong("revisions")))
                .single();
    }

    /** The feed's entries, cancelled ones since the date included, in date order. */
    List<CalendarEntry> inFeed(Feed feed, Instant cancelledSince) {
        return jdbc.sql("select * from calendar_entry where " + feed.where() + " and "
                        + STANDING + " order by coalesce(start_date, cast(starts_at as date)), id")
                .params(feed.params()).param("since", utc(cancelledSince))
                .query(this::entry).list();
    }

    /** The entries of one cycle: the public ones (organisation null) or one organisation's own. */
    List<CalendarEntry> ofCycle(long cycleId, String organisationCode) {
        return jdbc.sql("select * from calendar_entry where cycle_id = :cycle and "
                        + (organisationCode == null ? "organisation_code is null" : "organisation_code = :org")
                        + " order by id")
                .param("cycle", cycleId).param("org", organisationCode).query(this::entry).list();
    }

    Optional<CalendarEntry> find(String uid) {
        return jdbc.sql("select * from calendar_entry where uid = :uid").param("uid", uid).query(this::entry).optional();
    }

    void insert(long cycleId, String programmeCode, String organisationCode, EntryDraft draft, Instant now) {
        jdbc.sql("""
                insert into calendar_entry (uid, cycle_id, programme_code, organisation_code, summary, description,
                       url, all_day, start_date, end_date, starts_at, sequence, status, created_at,
                       last_modified)
                values (:uid, :cycle, :programme, :org, :summary, :description, :url, :allDay, :startDate, :endDate,
                        :at, 0, :status, :now, :now)
                """).param("uid", draft.uid()).param("cycle", cycleId).param("programme", programmeCode)
                .param("org", organisationCode).params(values(draft)).param("now", utc(now)).update();
    }

    /** A new revision: the draft's text and dates, standing again if it had been cancelled. */
    void revise(CalendarEntry entry, EntryDraft draft, Instant now) {
        jdbc.sql("""
                update calendar_entry set summary = :summary, description = :description, url = :url,
                       all_day = :allDay, start_date = :startDate, end_date = :endDate, starts_at = :at,
                       sequence = sequence + 1, status = :status, last_modified = :now
                 where id = :id
                """).params(values(draft)).param("now", utc(now)).param("id", entry.id()).update();
    }

    void cancel(CalendarEntry entry, Instant now) {
        jdbc.sql("""
                update calendar_entry set status = 'CANCELLED', sequence = sequence + 1, last_modified = :now
                 where id = :id
                """).param("now", utc(now)).param("id", entry.id()).update();
    }

    private static Map<String, Object> values(EntryDraft draft) {
        Map<String, Object> values = new HashMap<>();
        values.put("summary", draft.summary());
        values.put("description", draft.description());
        values.put("url", draft.url());
        values.put("allDay", draft.allDay());
        values.put("startDate", draft.startDate() == null ? null : Date.valueOf(draft.startDate()));
        values.put("endDate", draft.lastDate() == null ? null : Date.valueOf(draft.lastDate()));
        values.put("at", draft.at() == null ? null : utc(draft.at()));
        values.put("status", draft.tentative() ? "TENTATIVE" : "CONFIRMED");
        return values;
    }

    CalendarEntry entry(ResultSet rs, int row) throws SQLException {
        Date start = rs.getDate("start_date");
        Date end = rs.getDate("end_date");
        EntryDraft draft = new EntryDraft(rs.getString("uid"), rs.getString("summary"), rs.getString("description"),
                rs.getString("url"), start == null ? null : start.toLocalDate(), end == null ? null : end.toLocalDate(),
                instant(rs, "starts_at"), "TENTATIVE".equals(rs.getString("status")));
        return new CalendarEntry(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("programme_code"),
                rs.getString("organisation_code"), draft, rs.getInt("sequence"),
                "CANCELLED".equals(rs.getString("status")), instant(rs, "created_at"), instant(rs, "last_modified"));
    }
}
