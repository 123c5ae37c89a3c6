package org.qipflow.reporting;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The organisation's results as PDF, from a print template over the same report model as the page. */
@Service
public class ReportPdf {

    private final TemplateEngine templates;
    private final Reports reports;

    ReportPdf(TemplateEngine templates, Reports reports) {
        this.templates = templates;
        this.reports = reports;
    }

    public byte[] forOrganisation(long cycleId, String cycleTitle, String organisationCode, String organisationName) {
        String html = templates.process("reports/organisation-pdf", new Context(Locale.UK, Map.of(
                "report", reports.forOrganisation(cycleId, organisationCode), "cycleTitle", cycleTitle,
                "organisationName", organisationName)));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().useSVGDrawer(new BatikSVGDrawer()).withHtmlContent(html, null).toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
