package org.qipflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkTime;
import org.qipflow.membership.Nation;
import org.qipflow.workingdays.WorkingDaysFixture;

class CycleTimelineTest {

    final CycleTimeline timeline = new CycleTimeline(WorkingDaysFixture.fromCalendarFile(), Period.ofMonths(1),
            Period.ofWeeks(4), Period.ofWeeks(4), Period.ofWeeks(12));

    static ZonedDateTime uk(int y, int m, int d, int h) {
        return LocalDateTime.of(y, m, d, h, 0).atZone(UkTime.ZONE);
    }

    @Test
    void derivesEveryMilestoneFromTheDataCollectionStart() {
        Milestones m = timeline.derive(uk(2027, 3, 1, 9), Map.of());

        assertThat(m.get(Milestone.MATERIALS_DISPATCH)).isEqualTo(uk(2027, 2, 1, 9));
        assertThat(m.get(Milestone.DATA_COLLECTION_START)).isEqualTo(uk(2027, 3, 1, 9));
        assertThat(m.get(Milestone.DATA_COLLECTION_END)).isEqualTo(uk(2027, 3, 29, 9));
        assertThat(m.get(Milestone.SUBMISSION_OPENS)).isEqualTo(uk(2027, 3, 1, 9));
        assertThat(m.get(Milestone.SUBMISSION_CLOSES)).isEqualTo(uk(2027, 4, 26, 17));
        assertThat(m.get(Milestone.REPORT_DUE)).isEqualTo(uk(2027, 7, 19, 17));
    }

    @Test
    void keepsUkWallClockTimeAcrossTheClockChange() {
        Milestones m = timeline.derive(uk(2027, 3, 1, 9), Map.of());

        assertThat(m.get(Milestone.DATA_COLLECTION_START).getOffset().getTotalSeconds()).isZero();
        assertThat(m.get(Milestone.DATA_COLLECTION_END).getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(m.get(Milestone.DATA_COLLECTION_END).getHour()).isEqualTo(9);
    }

    @Test
    void deadlinesOnAWeekendOrBankHolidayMoveToTheNextWorkingDay() {
        // submission would close on Saturday 1 May 2027; Monday 3 May is the early May bank holiday
        Milestones m = timeline.derive(uk(2027, 3, 6, 9), Map.of());

        assertThat(m.get(Milestone.SUBMISSION_CLOSES)).isEqualTo(uk(2027, 5, 4, 17));
        assertThat(m.get(Milestone.REPORT_DUE)).isEqualTo(uk(2027, 7, 27, 17));
        // materials would go on Saturday 6 February 2027
        assertThat(m.get(Milestone.MATERIALS_DISPATCH)).isEqualTo(uk(2027, 2, 8, 9));
    }

    @Test
    void aGivenMilestoneIsKeptAndTheOnesAfterItFollowIt() {
        Milestones m = timeline.derive(uk(2027, 3, 1, 9),
                Map.of(Milestone.DATA_COLLECTION_END, uk(2027, 4, 5, 9)));

        assertThat(m.get(Milestone.DATA_COLLECTION_END)).isEqualTo(uk(2027, 4, 5, 9));
        assertThat(m.get(Milestone.SUBMISSION_CLOSES)).isEqualTo(uk(2027, 5, 4, 17)); // 3 May is a bank holiday
    }

    @Test
    void milestonesOutOfOrderAreRefusedNamingTheMilestone() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> timeline.derive(
                uk(2027, 3, 1, 9), Map.of(Milestone.SUBMISSION_CLOSES, uk(2027, 3, 15, 17))));

        assertThat(e.problems()).extracting(FieldProblem::field).contains("milestones.submissionCloses");
        assertThat(e.problems().get(0).message()).contains("Mon 15 Mar 2027 17:00");
    }

    @Test
    void workingDaysFollowEachNationsBankHolidays() {
        var days = WorkingDaysFixture.fromCalendarFile();

        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 2), Nation.SCOTLAND)).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 2), Nation.ENGLAND)).isTrue();
        assertThat(days.onOrAfter(LocalDate.of(2027, 3, 17), Nation.NORTHERN_IRELAND)).isEqualTo(LocalDate.of(2027, 3, 18));
        assertThat(days.onOrAfter(LocalDate.of(2027, 3, 17), Nation.WALES)).isEqualTo(LocalDate.of(2027, 3, 17));
        assertThat(days.holiday(LocalDate.of(2027, 2, 1), Nation.IRELAND)).hasValue("St Brigid's Day");
        assertThat(days.onOrAfter(LocalDate.of(2027, 12, 25), Nation.ENGLAND)).isEqualTo(LocalDate.of(2027, 12, 29));
    }
}
