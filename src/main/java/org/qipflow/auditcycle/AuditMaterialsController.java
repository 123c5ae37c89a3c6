package org.qipflow.auditcycle;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.AuditForm;
import org.qipflow.definitions.CsvTemplate;
import org.qipflow.definitions.XlsxTemplate;
import org.qipflow.programmes.CycleService;
import org.qipflow.submissions.RecordService;
import org.qipflow.tasklink.TaskLink;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The audit materials through a lead's links: the printable audit form with its instructions and the
 * data templates. They hold no records, so the materials link, the confirmation link and the
 * submission link all open them while they work.
 */
@Controller
class AuditMaterialsController {

    private static final Set<String> PURPOSES = Set.of(LeadTask.AUDIT_MATERIALS.name(),
            LeadTask.CONFIRM_PARTICIPATION.name(), LeadTask.SUBMIT_DATA.name());
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TaskLinks links;
    private final RecordService records;
    private final CycleService cycles;
    private final AuditForm form;
    private final Clock clock;

    AuditMaterialsController(TaskLinks links, RecordService records, CycleService cycles, AuditForm form, Clock clock) {
        this.links = links;
        this.records = records;
        this.cycles = cycles;
        this.form = form;
        this.clock = clock;
    }

    @GetMapping("/tasks/{token}/audit-form.pdf")
    ResponseEntity<byte[]> auditForm(@PathVariable String token) {
        return withLink(token, (cycleId, definition) -> file(definition.id() + "-audit-form.pdf",
                MediaType.APPLICATION_PDF, form.pdf(definition, cycles.get(cycleId).title())));
    }

    @GetMapping("/tasks/{token}/template.xlsx")
    ResponseEntity<byte[]> excelTemplate(@PathVariable String token) {
        return withLink(token, (cycleId, definition) -> file(definition.id() + "-records.xlsx", XLSX,
                XlsxTemplate.of(definition)));
    }

    @GetMapping("/tasks/{token}/template.csv")
    ResponseEntity<byte[]> csvTemplate(@PathVariable String token) {
        return withLink(token, (cycleId, definition) -> file(definition.id() + "-records.csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8),
                CsvTemplate.header(definition).getBytes(StandardCharsets.UTF_8)));
    }

    /** The file for the link's cycle while the link works; otherwise the link's page, which says why. */
    private ResponseEntity<byte[]> withLink(String token,
            BiFunction<Long, AuditDefinition, ResponseEntity<byte[]>> file) {
        Optional<TaskLink> link = usable(token);
        if (link.isEmpty()) {
            return LeadTaskController.toTaskPage(token);
        }
        long cycleId = cycleOf(link.get());
        return file.apply(cycleId, records.definitionOf(cycleId));
    }

    private Optional<TaskLink> usable(String token) {
        return links.find(token).filter(l -> l.usableAt(clock.instant()) && PURPOSES.contains(l.purpose()));
    }

    private static long cycleOf(TaskLink link) {
        return Long.parseLong(link.subject().substring("cycle:".length()));
    }

    private static ResponseEntity<byte[]> file(String name, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(body);
    }
}
