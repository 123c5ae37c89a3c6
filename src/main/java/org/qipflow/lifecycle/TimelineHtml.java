package org.qipflow.lifecycle;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A programme's timeline (every round with its dates, who took part and its national results: most of
 * its page) rendered once for each state of its history. The page is viewed far more often than a
 * programme changes. The key is the whole history, worked out afresh for every request, so what is
 * shown is never stale, on any node; only the rendering is saved.
 */
@Component
class TimelineHtml {

    private record Rendered(ProgrammeHistory.History history, String html) {
    }

    private final ITemplateEngine templates;
    private final Map<String, Rendered> latestByProgramme = new ConcurrentHashMap<>();

    TimelineHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    String of(ProgrammeHistory.History history) {
        Rendered latest = latestByProgramme.get(history.code());
        if (latest != null && latest.history().equals(history)) {
            return latest.html();
        }
        String html = templates.process("programmes/timeline", new Context(Locale.UK, Map.of("programme", history)));
        latestByProgramme.put(history.code(), new Rendered(history, html));
        return html;
    }
}
