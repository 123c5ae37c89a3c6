package org.qipflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class LatestRenderingsTest {

    record Figures(String round, int submitted) {
    }

    /** A real engine whose templates are their own text, counting how often it renders. */
    static final class CountingEngine implements ITemplateEngine {
        final SpringTemplateEngine engine = new SpringTemplateEngine();
        int renders;

        CountingEngine() {
            StringTemplateResolver resolver = new StringTemplateResolver();
            resolver.setTemplateMode(TemplateMode.HTML);
            engine.setTemplateResolver(resolver);
        }

        @Override
        public org.thymeleaf.IEngineConfiguration getConfiguration() {
            return engine.getConfiguration();
        }

        @Override
        public String process(String template, IContext context) {
            renders++;
            return engine.process(template, context);
        }

        @Override
        public String process(String template, Set<String> selectors, IContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void process(String template, IContext context, java.io.Writer writer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void process(String template, Set<String> selectors, IContext context, java.io.Writer writer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void process(org.thymeleaf.TemplateSpec templateSpec, IContext context, java.io.Writer writer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String process(org.thymeleaf.TemplateSpec templateSpec, IContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.thymeleaf.IThrottledTemplateProcessor processThrottled(String template, IContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.thymeleaf.IThrottledTemplateProcessor processThrottled(String template, Set<String> selectors,
                IContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.thymeleaf.IThrottledTemplateProcessor processThrottled(org.thymeleaf.TemplateSpec templateSpec,
                IContext context) {
            throw new UnsupportedOperationException();
        }
    }

    private static final String TEMPLATE = "<p th:text=\"${f.round()} + ': ' + ${f.submitted()}\">x</p>";

    @Test
    void rendersAgainOnlyWhenTheFiguresDiffer() {
        CountingEngine engine = new CountingEngine();
        LatestRenderings<Long> tables = new LatestRenderings<>(engine, TEMPLATE, "f", 10);

        assertThat(tables.of(1L, new Figures("Baseline", 3))).isEqualTo("<p>Baseline: 3</p>");
        assertThat(tables.of(1L, new Figures("Baseline", 3))).isEqualTo("<p>Baseline: 3</p>");
        assertThat(engine.renders).isEqualTo(1);

        assertThat(tables.of(1L, new Figures("Baseline", 4))).isEqualTo("<p>Baseline: 4</p>");
        assertThat(tables.of(2L, new Figures("Re-audit", 4))).isEqualTo("<p>Re-audit: 4</p>");
        assertThat(engine.renders).isEqualTo(3);
    }

    @Test
    void keepsOnlyTheMostRecentlyReadKeys() {
        CountingEngine engine = new CountingEngine();
        LatestRenderings<Long> tables = new LatestRenderings<>(engine, TEMPLATE, "f", 2);
        Figures figures = new Figures("Baseline", 3);

        tables.of(1L, figures);
        tables.of(2L, figures);
        tables.of(1L, figures);
        tables.of(3L, figures);
        assertThat(engine.renders).isEqualTo(3);

        tables.of(1L, figures);
        assertThat(engine.renders).as("round 1 was read more recently than round 2, so it was kept").isEqualTo(3);
        tables.of(2L, figures);
        assertThat(engine.renders).as("round 2 was dropped for round 3").isEqualTo(4);
    }
}
