package org.qipflow.support;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Test-only endpoints that fail the way an unforeseen bug would, with internals in the exception's
 * message, so tests can check that no error response ever repeats them.
 */
@Controller
class FailingOnPurpose {

    static final String INTERNALS = "could not execute statement [insert into audit_record values ('P001')] "
            + "at org.qipflow.submissions.RecordService";

    @GetMapping("/api/failing-on-purpose")
    @ResponseBody
    String api() {
        throw new IllegalStateException(INTERNALS);
    }

    @GetMapping("/failing-on-purpose")
    String page() {
        throw new IllegalStateException(INTERNALS);
    }
}
