package org.qipflow.leadaccess;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiFunction;

import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.AuditForm;
import org.qipflow.definitions.CsvTemplate;
import org.qipflow.definitions.XlsxTemplate;
import org.qipflow.participation.LeadLink;
import org.qipflow.participation.LeadLinks;
import org.qipflow.participation.LeadTask;
import org.qipflow.programmes.CycleService;
import org.qipflow.submissions.RecordService;
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

    /** The links that open the materials: the materials' own, and those of the tasks they serve. */
    private static final LeadTask[] OPENED_BY = {LeadTask.AUDIT_MATERIALS, LeadTask.CONFIRM_PARTICIPATION,
            LeadTask.SUBMIT_DATA};
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LeadLinks links;
    private final RecordService records;
    private final CycleService cycles;
    private final AuditForm form;

    AuditMaterialsController(LeadLinks links, RecordService records, CycleService cycles, AuditForm form) {
        this.links = links;
        this.records = records;
        this.cycles = cycles;
        this.form = form;
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
        Optional<LeadLink> link = links.usable(token, OPENED_BY);
        if (link.isEmpty()) {
            return TaskPages.toTaskPage(token);
        }
        long cycleId = link.get().cycleId();
        return file.apply(cycleId, records.definitionOf(cycleId));
    }

    private static ResponseEntity<byte[]> file(String name, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(body);
    }
}
