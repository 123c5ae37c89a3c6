package org.qipflow.lifecycle;

import org.qipflow.common.LatestRenderings;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;

/**
 * A programme's timeline (every round with its dates, who took part and its national results: most of
 * its page) rendered once for each state of its history. The page is viewed far more often than a
 * programme changes. The key is the whole history, worked out afresh for every request.
 */
@Component
class TimelineHtml {

    /** Every programme's, in practice: a body runs tens of programmes. */
    private static final int KEPT = 500;

    private final LatestRenderings<String> renderings;

    TimelineHtml(ITemplateEngine templates) {
        this.renderings = new LatestRenderings<>(templates, "programmes/timeline", "programme", KEPT);
    }

    String of(ProgrammeHistory.History history) {
        return renderings.of(history.code(), history);
    }
}
