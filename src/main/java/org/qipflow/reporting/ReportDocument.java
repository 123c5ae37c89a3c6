package org.qipflow.reporting;

import java.util.Arrays;
import java.util.Optional;

import org.qipflow.programmes.Cycle;
import org.springframework.http.MediaType;

/** The files an organisation's report comes as, each under the name it has in links. */
public enum ReportDocument {

    PDF("results.pdf", "pdf", "results", "application/pdf"),
    ACTION_PLAN("action-plan.docx", "docx", "action-plan",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    SLIDES("slides.pptx", "pptx", "slides", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    DATA("export.xlsx", "xlsx", "data", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    RECORDS("export.csv", "csv", "records", "text/csv;charset=UTF-8");

    private final String fileName;
    private final String extension;
    private final String downloadSuffix;
    private final MediaType mediaType;

    ReportDocument(String fileName, String extension, String downloadSuffix, String mediaType) {
        this.fileName = fileName;
        this.extension = extension;
        this.downloadSuffix = downloadSuffix;
        this.mediaType = MediaType.parseMediaType(mediaType);
    }

    /** The last segment of its task-link address. */
    public String fileName() {
        return fileName;
    }

    /** The name it is saved under, by programme and round, e.g. {@code QIP-7-round-2-RXT-slides.pptx}. */
    String downloadName(Cycle cycle, String organisationCode) {
        return cycle.programmeCode() + "-round-" + cycle.number() + "-" + organisationCode + "-" + downloadSuffix
                + "." + extension;
    }

    /** Its address for signed-in leads and coordinators, e.g. {@code /reports/12/RXT.docx}. */
    public String path(long cycleId, String organisationCode) {
        return "/reports/" + cycleId + "/" + organisationCode + "." + extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** By the last segment of a task link's path, e.g. {@code slides.pptx}. */
    public static Optional<ReportDocument> byFileName(String fileName) {
        return Arrays.stream(values()).filter(d -> d.fileName.equals(fileName)).findFirst();
    }

    /** By extension, as in {@code /reports/12/RXT.pdf}. */
    public static Optional<ReportDocument> byExtension(String extension) {
        return Arrays.stream(values()).filter(d -> d.extension.equals(extension)).findFirst();
    }
}
