package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.submissions.RecordService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The analysed figures of a cycle, exact, for coordinators (every /api call needs a coordinator). */
@RestController
@RequestMapping(path = "/api/cycles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Results", description = "Standards nationally, per organisation and per team")
class ResultsApiController {

    private final CycleAnalysis analysis;
    private final RecordService records;

    ResultsApiController(CycleAnalysis analysis, RecordService records) {
        this.analysis = analysis;
        this.records = records;
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "The cycle's figures: exact numerators and denominators, with anonymous codes",
            description = "Empty until the analysis has run, when submission closes")
    Results results(@PathVariable long id) {
        AuditDefinition definition = records.definitionOf(id);
        List<ResultFigure> figures = analysis.figures(id);
        Map<String, String> aliases = analysis.aliases(id);
        List<Figure> national = new ArrayList<>();
        Map<String, Organisation> organisations = new LinkedHashMap<>();
        for (ResultFigure f : figures) {
            Figure figure = new Figure(f.standardId(), f.numerator(), f.denominator(), f.percent());
            switch (f.scope()) {
                case NATIONAL -> national.add(figure);
                case ORGANISATION -> organisations.computeIfAbsent(f.organisationCode(), code -> new Organisation(code,
                        aliases.get(code), new ArrayList<>(), new LinkedHashMap<>())).figures().add(figure);
                case TEAM -> organisations.get(f.organisationCode()).teams()
                        .computeIfAbsent(f.teamCode(), t -> new ArrayList<>()).add(figure);
            }
        }
        return new Results(id, definition.id(), definition.version(), definition.standards().stream()
                .map(s -> new StandardText(s.id(), s.text(), s.source(), s.target())).toList(), national,
                List.copyOf(organisations.values()));
    }

    record StandardText(String id, String text, String source, Integer target) {
    }

    record Figure(String standard, int numerator, int denominator, Double percent) {
    }

    record Organisation(String code, String alias, List<Figure> figures, Map<String, List<Figure>> teams) {
    }

    record Results(long cycleId, String auditDefinition, int definitionVersion, List<StandardText> standards,
            List<Figure> national, List<Organisation> organisations) {
    }
}
