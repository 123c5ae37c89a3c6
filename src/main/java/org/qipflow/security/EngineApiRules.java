package org.qipflow.security;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a coordinator who is not an administrator may do through the engine's API, in the REST API
 * ({@code /engine-rest}) and in the webapps' copy of it ({@code /camunda/api/engine/engine/{name}}):
 * read, run queries, and retry a failed job. Everything else changes the engine's state behind the
 * application's back — completing, claiming or reassigning a local lead's task, starting, modifying,
 * suspending or deleting instances, deleting history, correlating messages, storing filters (which can
 * carry expressions), evaluating decisions — and is for {@code camunda-admin}. The application itself
 * moves its processes only through its own services, which check what they are given.
 */
final class EngineApiRules {

    /** Resources whose collection and {@code /count} take a query as a POST body. */
    private static final List<String> QUERIES = List.of("task", "process-instance", "execution", "incident", "job",
            "job-definition", "process-definition", "variable-instance", "external-task", "event-subscription",
            "history/process-instance", "history/activity-instance", "history/task", "history/variable-instance",
            "history/incident", "history/job-log", "history/detail", "history/decision-instance",
            "history/user-operation", "history/identity-link-log", "history/external-task-log");

    static final String REST = "/engine-rest/";
    static final String WEBAPPS = "/camunda/api/engine/engine/*/";

    private static final PathPatternRequestMatcher.Builder PATH = PathPatternRequestMatcher.withDefaults();

    private EngineApiRules() {
    }

    /** Reading, queries and job retries under this prefix. */
    static RequestMatcher[] coordinatorMay(String prefix) {
        return Stream.of(
                Stream.of(PATH.matcher(HttpMethod.GET, prefix + "**"), PATH.matcher(HttpMethod.HEAD, prefix + "**"),
                        PATH.matcher(HttpMethod.OPTIONS, prefix + "**")),
                QUERIES.stream().flatMap(resource -> Stream.of(PATH.matcher(HttpMethod.POST, prefix + resource),
                        PATH.matcher(HttpMethod.POST, prefix + resource + "/count"))),
                Stream.of(PATH.matcher(HttpMethod.POST, prefix + "filter/*/list"),
                        PATH.matcher(HttpMethod.POST, prefix + "filter/*/count"),
                        PATH.matcher(HttpMethod.PUT, prefix + "job/*/retries")))
                .flatMap(s -> s).toArray(RequestMatcher[]::new);
    }

    /** Everything under this prefix. */
    static RequestMatcher anything(String prefix) {
        return PATH.matcher(prefix + "**");
    }
}
