package org.qipflow.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The latest rendering of one template for each of a bounded number of keys (a programme, a round),
 * made again whenever the state it shows differs. The caller works the state out afresh for every
 * request, so what is shown is never stale, on any node; only the rendering is saved. For the parts of
 * pages viewed far more often than their figures change.
 *
 * <p>The template is rendered outside any request, with the state as its one variable: it must not use
 * request-bound expressions ({@code @{…}} links, {@code sec:}, {@code #request}).
 */
public final class LatestRenderings<K> {

    private record Rendered(Object state, String html) {
    }

    private final ITemplateEngine templates;
    private final String template;
    private final String variable;
    private final Map<K, Rendered> latest;

    /** @param kept how many keys' renderings are kept, the most recently read */
    public LatestRenderings(ITemplateEngine templates, String template, String variable, int kept) {
        this.templates = templates;
        this.template = template;
        this.variable = variable;
        this.latest = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Rendered> eldest) {
                return size() > kept;
            }
        });
    }

    /** The template rendered with {@code state}, kept under {@code key}; {@code state} must be a value (a record). */
    public String of(K key, Object state) {
        Rendered rendered = latest.get(key);
        if (rendered != null && Objects.equals(rendered.state(), state)) {
            return rendered.html();
        }
        String html = templates.process(template, new Context(Locale.UK, Map.of(variable, state)));
        latest.put(key, new Rendered(state, html));
        return html;
    }
}
