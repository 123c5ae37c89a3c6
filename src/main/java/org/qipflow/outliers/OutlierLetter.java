package org.qipflow.outliers;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.qipflow.common.Dates;
import org.qipflow.common.PdfDocuments;
import org.qipflow.common.UkTime;
import org.qipflow.notification.Attachment;
import org.qipflow.outliers.OutlierReviewFacts.Facts;
import org.springframework.stereotype.Component;

/** A confirmed alarm's letter to the chief executive and the medical director, as a PDF. */
@Component
class OutlierLetter {

    private final PdfDocuments pdf;
    private final Clock clock;

    OutlierLetter(PdfDocuments pdf, Clock clock) {
        this.pdf = pdf;
        this.clock = clock;
    }

    byte[] render(Facts facts, String regulator) {
        OutlierReview review = facts.review();
        Map<String, Object> model = new HashMap<>();
        model.put("date", Dates.day(clock.instant()));
        model.put("organisationName", facts.organisation().name());
        model.put("organisationCode", facts.organisation().code());
        model.put("executives", facts.executives());
        model.put("cycleTitle", facts.cycle().title());
        model.put("standard", facts.standard());
        model.put("level", OutlierReviewFacts.levelWords(review.confirmedLevel()));
        model.put("openedFigures", facts.openedFigures());
        model.put("currentFigures", facts.currentFigures());
        model.put("national", facts.nationalPercent() + " (" + facts.nationalNumerator() + " of "
                + facts.nationalDenominator() + ")");
        model.put("response", review.response());
        model.put("note", review.decisionNote());
        model.put("due", Dates.format(review.dueAt().atZone(UkTime.ZONE)));
        model.put("regulator", regulator == null || regulator.isBlank() ? null : regulator);
        return pdf.render("outliers/letter-pdf", model);
    }

    static Attachment attachment(OutlierReview review, byte[] pdf) {
        return new Attachment(fileName(review), "application/pdf", pdf);
    }

    /** e.g. {@code outlier-letter-RX4-S1.pdf}: plain ASCII, as every mail program and file system takes it. */
    static String fileName(OutlierReview review) {
        return ("outlier-letter-" + review.organisationCode() + "-" + review.standardId() + ".pdf")
                .replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
