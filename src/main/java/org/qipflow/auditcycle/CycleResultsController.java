package org.qipflow.auditcycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.reporting.ProgrammeResults;
import org.qipflow.reporting.Scope;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The analysed figures, exact and with every organisation named, for the coordinator's review before publication. */
@Controller
class CycleResultsController {

    private final CycleService cycles;
    private final CycleTracker tracker;
    private final OrganisationService organisations;
    private final RecordService records;
    private final CycleAnalysis analysis;
    private final ProgrammeResults programmeResults;

    CycleResultsController(CycleService cycles, CycleTracker tracker, OrganisationService organisations,
            RecordService records, CycleAnalysis analysis, ProgrammeResults programmeResults) {
        this.programmeResults = programmeResults;
        this.cycles = cycles;
        this.tracker = tracker;
        this.organisations = organisations;
        this.records = records;
        this.analysis = analysis;
    }

    @GetMapping("/cycles/{id}/results")
    String results(@PathVariable long id, Model model) {
        var figures = analysis.figures(id);
        Map<String, String> names = new HashMap<>();
        organisations.list(null).forEach(o -> names.put(o.code(), o.name()));
        Cycle cycle = cycles.get(id);
        model.addAttribute("cycle", cycle);
        // this round beside the earlier published ones, for the change over the programme
        List<Cycle> rounds = new ArrayList<>(cycles.earlierPublished(cycle));
        rounds.add(cycle);
        model.addAttribute("trends", rounds.size() < 2 ? Map.of() : programmeResults.national(rounds).stream()
                .collect(Collectors.toMap(ProgrammeResults.StandardTrend::standardId, t -> t)));
        model.addAttribute("standards", records.definitionOf(id).standards());
        model.addAttribute("national", figures.stream().filter(f -> f.scope() == Scope.NATIONAL).toList());
        model.addAttribute("organisations", figures.stream().filter(f -> f.scope() == Scope.ORGANISATION).toList());
        model.addAttribute("aliases", analysis.aliases(id));
        model.addAttribute("names", names);
        model.addAttribute("awaitingReview", tracker.stage(id) == CycleStage.AWAITING_REVIEW);
        return "cycles/results";
    }
}
