package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.presentationml.x2006.main.CTGroupShape;

/** The slide set's layout for a large programme: every bar labelled, nothing overprinted, every chart described. */
class ReportSlidesTest {

    private static final int ORGANISATIONS = 45;

    /** 45 organisations, a lead with three teams, and two earlier rounds. */
    private static OrganisationReport report() {
        List<OrganisationReport.Peer> peers = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            boolean own = i == 20;
            peers.add(new OrganisationReport.Peer(own ? "Your organisation" : String.format("Organisation %02d", i + 1),
                    own, (90 - i) + "%", 90.0 - i, "40", 40, FunnelPlot.Position.WITHIN_2SD));
        }
        peers.add(new OrganisationReport.Peer("Organisation 46", false, "*", null, "*", 0, null));
        OrganisationReport.Exact own = new OrganisationReport.Exact(28, 40);
        OrganisationReport.Exact national = new OrganisationReport.Exact(1260, 1800);
        List<OrganisationReport.Trend> trend = List.of(
                new OrganisationReport.Trend(1, "Baseline audit (round 1)", false, new OrganisationReport.Exact(20, 40),
                        new OrganisationReport.Exact(900, 1800)),
                new OrganisationReport.Trend(2, "Re-audit (round 2)", false, null, new OrganisationReport.Exact(1000, 1800)),
                new OrganisationReport.Trend(3, "Re-audit (round 3)", true, own, national));
        List<OrganisationReport.Team> teams = List.of(new OrganisationReport.Team("T01", new OrganisationReport.Exact(10, 12)),
                new OrganisationReport.Team("WARD-12", new OrganisationReport.Exact(9, 14)),
                new OrganisationReport.Team("T03", new OrganisationReport.Exact(9, 14)));
        return new OrganisationReport("Organisation 21",
                new OrganisationReport.Cover("QIP-7", "Lithium monitoring", "Re-audit (round 3)", "Trust", null, 40, 3,
                        ORGANISATIONS + 1),
                List.of(new StandardRow("S1", "Serum lithium level measured in the past 3 months", "NICE",
                        100, own, national, peers, teams, trend)));
    }

    private static XMLSlideShow slides() throws Exception {
        Reports reports = new Reports(null, null, null, null) {
            @Override
            public OrganisationReport forOrganisation(long cycleId, String organisationCode) {
                return report();
            }
        };
        return new XMLSlideShow(new ByteArrayInputStream(new ReportSlides(reports).forOrganisation(1, "RXT")));
    }

    @Test
    void aChartWithMoreBarsThanFitGoesOnOverSeveralSlidesEachTitledAndDescribed() throws Exception {
        try (XMLSlideShow show = slides()) {
            List<String> titles = show.getSlides().stream().map(ReportSlidesTest::title).toList();
            int pages = (ORGANISATIONS + SlideShapes.BARS_PER_SLIDE - 1) / SlideShapes.BARS_PER_SLIDE;
            assertThat(titles).hasSize(2 + pages + 2).startsWith("Results of QIP-7 Lithium monitoring", "Summary")
                    .contains("S1: all organisations (1 of " + pages + ")", "S1: all organisations (" + pages + " of "
                            + pages + ")", "S1: your teams", "S1: change over rounds");
            for (XSLFSlide slide : show.getSlides().subList(2, show.getSlides().size())) {
                XSLFGroupShape chart = chart(slide);
                String description = ((CTGroupShape) chart.getXmlObject()).getNvGrpSpPr().getCNvPr().getDescr();
                assertThat(description).as(slide.getTitle()).startsWith("S1: share");
                assertThat(texts(chart)).as("the percentage axis").contains("0%", "25%", "50%", "75%", "100%");
            }
        }
    }

    @Test
    void everyBarCarriesItsNameAndValueAndNoTwoLabelsOverlap() throws Exception {
        try (XMLSlideShow show = slides()) {
            List<String> all = new ArrayList<>();
            for (XSLFSlide slide : show.getSlides().subList(2, show.getSlides().size())) {
                List<XSLFTextShape> labels = chart(slide).getShapes().stream()
                        .filter(s -> s instanceof XSLFTextShape).map(s -> (XSLFTextShape) s).toList();
                labels.forEach(l -> all.add(l.getText()));
                for (int i = 0; i < labels.size(); i++) {
                    for (int j = i + 1; j < labels.size(); j++) {
                        Rectangle2D a = labels.get(i).getAnchor();
                        Rectangle2D b = labels.get(j).getAnchor();
                        assertThat(a.createIntersection(b).getHeight() > 0.01 && a.createIntersection(b).getWidth() > 0.01)
                                .as("%s: '%s' and '%s' overlap", slide.getTitle(), labels.get(i).getText(),
                                        labels.get(j).getText()).isFalse();
                    }
                }
            }
            for (int i = 0; i < ORGANISATIONS; i++) {
                assertThat(all).contains(i == 20 ? "Your organisation" : String.format("Organisation %02d", i + 1),
                        (90 - i) + "%");
            }
            assertThat(all).doesNotContain("Organisation 46")
                    .contains("Team T01", "83%", "Team WARD-12", "64%", "All organisations", "70%")
                    .contains("Round 1: yours", "50%", "Round 1: all", "Round 2: all", "56%", "Round 3: yours")
                    .doesNotContain("Round 2: yours");
        }
    }

    /** The text of the slide's title placeholder, a title slide's centred title included. */
    static String title(XSLFSlide slide) {
        return Arrays.stream(slide.getPlaceholders())
                .filter(p -> p.getPlaceholderDetails().getPlaceholder() == Placeholder.TITLE
                        || p.getPlaceholderDetails().getPlaceholder() == Placeholder.CENTERED_TITLE)
                .map(XSLFTextShape::getText).findFirst().orElse(null);
    }

    private static XSLFGroupShape chart(XSLFSlide slide) {
        return slide.getShapes().stream().filter(s -> s instanceof XSLFGroupShape).map(s -> (XSLFGroupShape) s)
                .findFirst().orElseThrow(() -> new AssertionError(slide.getTitle() + " has no chart"));
    }

    private static List<String> texts(XSLFGroupShape group) {
        List<String> texts = new ArrayList<>();
        for (XSLFShape shape : group.getShapes()) {
            if (shape instanceof XSLFTextShape text) {
                texts.add(text.getText());
            }
        }
        return texts;
    }
}
