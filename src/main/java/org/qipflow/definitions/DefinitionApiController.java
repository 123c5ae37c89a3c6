package org.qipflow.definitions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit definitions, for integrations that build their own forms or exports. */
@RestController
@RequestMapping(path = "/api/audit-definitions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit definitions", description = "Record fields, data-quality rules and standards of each QIP")
class DefinitionApiController {

    private final AuditDefinitions definitions;

    DefinitionApiController(AuditDefinitions definitions) {
        this.definitions = definitions;
    }

    @GetMapping
    @Operation(summary = "Every definition, latest version, without its fields")
    List<Summary> list() {
        return definitions.all().stream().map(d -> new Summary(d.id(), d.version(), d.title())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One definition: fields, rules and standards")
    View get(@PathVariable String id) {
        return View.of(definitions.get(id));
    }

    @GetMapping(path = "/{id}/template.csv", produces = "text/csv")
    @Operation(summary = "An empty upload file: the header row with every column")
    ResponseEntity<byte[]> template(@PathVariable String id) {
        AuditDefinition definition = definitions.get(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(CsvTemplate.header(definition).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/{id}/template.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "An Excel template: the columns, drop-downs for yes/no and choice answers, a Help sheet")
    ResponseEntity<byte[]> xlsxTemplate(@PathVariable String id) {
        AuditDefinition definition = definitions.get(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-template.xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(XlsxTemplate.of(definition));
    }

    record Summary(String id, int version, String title) {
    }

    record FieldView(String name, String label, String help, String type, boolean required, BigDecimal min,
            BigDecimal max, Integer maxLength, List<Option> options, String when, String whenText) {
    }

    record RuleView(String id, String severity, String message, String check, String field) {
    }

    record StandardView(String id, String text, String source, String appliesTo, String meets, Integer target) {
    }

    record View(String id, int version, String title, String description, List<FieldView> fields,
            List<RuleView> rules, List<StandardView> standards, AllOrNone allOrNone) {

        static View of(AuditDefinition d) {
            return new View(d.id(), d.version(), d.title(), d.description(),
                    d.fields().stream().map(f -> new FieldView(f.name(), f.label(), f.help(), f.type().key(),
                            f.required(), f.min(), f.max(), f.maxLength(), f.options(),
                            f.when() == null ? null : f.when().source(), f.whenText())).toList(),
                    d.rules().stream().map(r -> new RuleView(r.id(), r.severity().name().toLowerCase(Locale.ROOT),
                            r.message(), r.check().source(), r.field())).toList(),
                    d.standards().stream().map(s -> new StandardView(s.id(), s.text(), s.source(),
                            s.appliesTo().source(), s.meets().source(), s.target())).toList(),
                    d.allOrNone());
        }
    }
}
