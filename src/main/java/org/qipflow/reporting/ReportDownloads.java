package org.qipflow.reporting;

import org.qipflow.programmes.Cycle;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/** One organisation's report as a downloadable file, whichever way the caller was let in. */
@Service
public class ReportDownloads {

    private final ReportPdf pdf;
    private final ActionPlan actionPlan;
    private final ReportSlides slides;
    private final DataExport export;

    ReportDownloads(ReportPdf pdf, ActionPlan actionPlan, ReportSlides slides, DataExport export) {
        this.pdf = pdf;
        this.actionPlan = actionPlan;
        this.slides = slides;
        this.export = export;
    }

    /** Callers have checked that whoever asks may see this organisation's report. */
    public ResponseEntity<byte[]> download(Cycle cycle, String organisationCode, ReportDocument document) {
        byte[] body = switch (document) {
            case PDF -> pdf.forOrganisation(cycle.id(), organisationCode);
            case ACTION_PLAN -> actionPlan.forOrganisation(cycle.id(), organisationCode);
            case SLIDES -> slides.forOrganisation(cycle.id(), organisationCode);
            case DATA -> export.xlsx(cycle.id(), organisationCode);
            case RECORDS -> export.csv(cycle.id(), organisationCode);
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.downloadName(cycle, organisationCode)).build().toString())
                .contentType(document.mediaType())
                .body(body);
    }
}
