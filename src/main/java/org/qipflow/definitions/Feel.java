package org.qipflow.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL, the expression language of DMN that the engine ships: readable by coordinators
 * ({@code serumLithiumLast3Months = true}), and with external (Java) functions switched off, so a
 * definition file cannot reach Java classes.
 */
public final class Feel {

    private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

    private Feel() {
    }

    /** A parsed expression and its source text. */
    public record Expression(String source, ParsedExpression parsed) {

        /** True only when the expression evaluates to true; false, null and failures count as false. */
        public boolean holds(Map<String, Object> values) {
            EvaluationResult result = ENGINE.evaluate(parsed, values);
            return result.isSuccess() && Boolean.TRUE.equals(result.result());
        }

        /** False only when the expression evaluates to false: a rule over values that are missing passes. */
        public boolean notFalse(Map<String, Object> values) {
            EvaluationResult result = ENGINE.evaluate(parsed, values);
            return !(result.isSuccess() && Boolean.FALSE.equals(result.result()));
        }

        /** Names the expression uses that the context does not have, such as a misspelt field name. */
        List<String> unknownNames(Map<String, Object> sample) {
            EvaluationResult result = ENGINE.evaluate(parsed, sample);
            List<String> unknown = new ArrayList<>();
            var failures = result.suppressedFailures().iterator();
            while (failures.hasNext()) {
                org.camunda.feel.api.EvaluationFailure failure = failures.next();
                if (failure.failureType() == org.camunda.feel.api.EvaluationFailureType.NO_VARIABLE_FOUND$.MODULE$) {
                    unknown.add(failure.failureMessage());
                }
            }
            return unknown;
        }

        @Override
        public String toString() {
            return source;
        }
    }

    /** @throws IllegalArgumentException with the parser's reason when the text is not valid FEEL */
    static Expression parse(String source) {
        ParseResult result = ENGINE.parseExpression(source);
        if (result.isFailure()) {
            throw new IllegalArgumentException(result.failure().message());
        }
        return new Expression(source, result.parsedExpression());
    }
}
