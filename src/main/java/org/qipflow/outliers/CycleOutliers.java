package org.qipflow.outliers;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.qipflow.definitions.Standard;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.OutlierPolicy;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.reporting.OutlierFlags;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A round's outliers for the coordinator's review, with names: one model for the page and the API. */
@Service
class CycleOutliers {

    private final CycleService cycles;
    private final ProgrammeService programmes;
    private final CycleAnalysis analysis;
    private final RecordService records;
    private final OrganisationService organisations;
    private final OutlierReviewRepository reviews;

    CycleOutliers(CycleService cycles, ProgrammeService programmes, CycleAnalysis analysis, RecordService records,
            OrganisationService organisations, OutlierReviewRepository reviews) {
        this.reviews = reviews;
        this.cycles = cycles;
        this.programmes = programmes;
        this.analysis = analysis;
        this.records = records;
        this.organisations = organisations;
    }

    /**
     * @param analysed whether the round has been analysed: until then there is nothing to flag
     * @param policy   the programme's policy now; the flags are as it stood when last applied to this round
     */
    record Review(long cycleId, String round, String programmeCode, boolean analysed, boolean published,
            OutlierPolicy policy, List<Indicator> indicators) {
    }

    /** One outlier indicator: its standard, the national figure and who lies beyond its limits. */
    record Indicator(String standardId, String standard, String nationalPercent, int nationalNumerator,
            int nationalDenominator, int organisations, Double phi, boolean overdispersed, String limits,
            List<Outlier> outliers) {
    }

    /** @param reviewId the flag's review, null until one is opened; {@code review} its status in words */
    record Outlier(String organisationCode, String organisation, int numerator, int denominator, String percent,
            double z, OutlierFlags.Level level, OutlierFlags.Direction direction, Long reviewId, String review) {
    }

    @Transactional(readOnly = true)
    Review of(long cycleId) {
        Cycle cycle = cycles.get(cycleId);
        Map<String, String> names = new HashMap<>();
        organisations.list(null).forEach(o -> names.put(o.code(), o.name()));
        List<Standard> standards = records.definitionOf(cycleId).standards();
        Map<String, String> texts = standards.stream().collect(Collectors.toMap(Standard::id, Standard::text));
        List<String> order = standards.stream().map(Standard::id).toList();
        Map<String, OutlierReview> opened = new HashMap<>();
        reviews.ofCycle(cycleId).forEach(r -> opened.put(r.organisationCode() + "/" + r.standardId(), r));
        List<Indicator> indicators = analysis.outliers(cycleId).stream()
                .sorted(Comparator.comparingInt(o -> order.indexOf(o.standardId())))
                .map(o -> new Indicator(o.standardId(), texts.get(o.standardId()), o.nationalPercent(),
                        o.nationalNumerator(), o.nationalDenominator(), o.organisations(), o.phi(), o.overdispersed(),
                        limits(o), o.flags().stream().map(f -> {
                            OutlierReview r = opened.get(f.organisationCode() + "/" + o.standardId());
                            return new Outlier(f.organisationCode(), names.getOrDefault(f.organisationCode(),
                                    f.organisationCode()), f.numerator(), f.denominator(), f.percent(), f.z(), f.level(),
                                    f.direction(), r == null ? null : r.id(), r == null ? null : r.status().label());
                        }).toList()))
                .toList();
        return new Review(cycleId, cycle.title(), cycle.programmeCode(), !analysis.figures(cycleId).isEmpty(),
                cycle.publishedAt() != null, programmes.outlierPolicy(cycle.programmeCode()), indicators);
    }

    /** How the limits were drawn, in words, for the page and the API alike. */
    private static String limits(OutlierFlags.StandardOutliers o) {
        if (!o.hasLimits()) {
            return "No limits: " + (o.nationalDenominator() == 0 ? "the standard applied to no record"
                    : "every record or none meets the standard nationally") + ", so no organisation is an outlier.";
        }
        if (o.phi() == null) {
            return "Binomial limits around the national share; too few organisations to estimate over-dispersion.";
        }
        String phi = "φ = " + String.format(Locale.UK, "%.2f", o.phi());
        if (o.overdispersed()) {
            return "Limits widened for over-dispersion (" + phi + "): each z-score is divided by √φ. Organisations' "
                    + "reports draw the binomial limits.";
        }
        return o.beyondChance()
                ? "Binomial limits: organisations vary more than chance allows (" + phi + "), but the programme does "
                        + "not allow for over-dispersion."
                : "Binomial limits: organisations vary no more than chance allows (" + phi + ").";
    }
}
