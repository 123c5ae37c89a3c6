package org.qipflow.reporting;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The coordinators' older address for an organisation's report, kept for bookmarks and emails. */
@Controller
class ReportPreviewController {

    @GetMapping("/cycles/{id}/results/{code:[A-Za-z0-9]+}")
    String preview(@PathVariable long id, @PathVariable String code) {
        return "redirect:/reports/" + id + "/" + code;
    }
}
