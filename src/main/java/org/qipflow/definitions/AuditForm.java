package org.qipflow.definitions;

import java.util.Map;

import org.qipflow.common.PdfDocuments;
import org.springframework.stereotype.Component;

/**
 * The audit form on paper: how to collect the data, every question with its answers and when it is
 * asked (in words), and the standards the answers are measured against. Clinicians who collect data
 * on paper before it is entered print it; it is drawn from the same fragment as the materials page.
 */
@Component
public class AuditForm {

    private final PdfDocuments pdf;

    AuditForm(PdfDocuments pdf) {
        this.pdf = pdf;
    }

    public byte[] pdf(AuditDefinition definition, String cycleTitle) {
        return pdf.render("definitions/audit-form-pdf", Map.of("definition", definition, "cycleTitle", cycleTitle));
    }
}
