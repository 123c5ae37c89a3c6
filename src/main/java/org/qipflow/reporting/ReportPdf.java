package org.qipflow.reporting;

import java.util.Map;
import org.qipflow.common.PdfDocuments;
import org.springframework.stereotype.Service;

/** The organisation's results as PDF, from a print template over the same report model as the page. */
@Service
public class ReportPdf {

    private final PdfDocuments pdf;
    private final Reports reports;

    ReportPdf(PdfDocuments pdf, Reports reports) {
        this.pdf = pdf;
        this.reports = reports;
    }

    public byte[] forOrganisation(long cycleId, String cycleTitle, String organisationCode, String organisationName) {
        return pdf.render("reports/organisation-pdf", Map.of("report", reports.forOrganisation(cycleId, organisationCode),
                "cycleTitle", cycleTitle, "organisationName", organisationName));
    }
}
