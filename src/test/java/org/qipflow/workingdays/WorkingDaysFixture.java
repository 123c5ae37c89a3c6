package org.qipflow.workingdays;

import org.springframework.core.io.ClassPathResource;

/** The real bank-holiday file, for unit tests that need working days without a Spring context. */
public final class WorkingDaysFixture {

    private WorkingDaysFixture() {
    }

    public static WorkingDays fromCalendarFile() {
        return new WorkingDays(WorkingDays.load(new ClassPathResource(WorkingDays.HOLIDAYS)));
    }
}
