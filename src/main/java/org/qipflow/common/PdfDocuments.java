package org.qipflow.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * PDFs from Thymeleaf print templates (well-formed XHTML with print CSS) by openhtmltopdf, inline SVG
 * charts included, so a PDF says exactly what its page says.
 */
@Component
public class PdfDocuments {

    private final TemplateEngine templates;

    PdfDocuments(TemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(String template, Map<String, Object> model) {
        String html = templates.process(template, new Context(Locale.UK, model));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().useSVGDrawer(new BatikSVGDrawer()).withHtmlContent(html, null)
                    .toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
