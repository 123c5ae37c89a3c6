package org.qipflow.reporting;

import java.util.Map;

import org.qipflow.common.PdfDocuments;
import org.qipflow.common.PublicAddress;
import org.springframework.stereotype.Service;

/** The organisation's results as PDF, from a print template over the same report model as the page. */
@Service
public class ReportPdf {

    private final PdfDocuments pdf;
    private final Reports reports;
    private final PublicAddress address;

    ReportPdf(PdfDocuments pdf, Reports reports, PublicAddress address) {
        this.pdf = pdf;
        this.reports = reports;
        this.address = address;
    }

    public byte[] forOrganisation(long cycleId, String organisationCode) {
        return pdf.render("reports/organisation-pdf", Map.of("report", reports.forOrganisation(cycleId, organisationCode),
                "actionPlan", address.of(ReportDocument.ACTION_PLAN.path(cycleId, organisationCode))));
    }
}
