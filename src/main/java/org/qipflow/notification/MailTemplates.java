package org.qipflow.notification;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the HTML and plain-text versions of an email from {@code mail-templates/}. */
@Component
class MailTemplates {

    record Rendered(String subject, String text, String html) {
    }

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    Rendered render(String template, Map<String, Object> model) {
        Context context = new Context(Locale.UK, model);
        String plain = text.process(template, context).strip();
        if (!plain.startsWith("Subject:")) {
            throw new IllegalStateException("mail-templates/" + template + ".txt must start with 'Subject: '");
        }
        int endOfSubject = plain.indexOf('\n');
        String subject = (endOfSubject < 0 ? plain : plain.substring(0, endOfSubject)).substring("Subject:".length())
                .strip();
        String body = endOfSubject < 0 ? "" : plain.substring(endOfSubject + 1).strip() + "\n";
        return new Rendered(subject, body, html.process(template, context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail-templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        // Spring's flavour, so templates use the same expression language (SpEL) as the pages
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
