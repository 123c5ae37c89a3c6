package org.qipflow.workingdays;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.membership.Nation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators list, add and remove closure days; deadlines that fall on one move to the next working day. */
@Controller
class ClosureDaysController {

    private final ClosureDays closures;

    ClosureDaysController(ClosureDays closures) {
        this.closures = closures;
    }

    @GetMapping("/working-days")
    String list(Model model) {
        model.addAttribute("closures", closures.list());
        model.addAttribute("nations", Nation.values());
        FormErrors.noneYet(model);
        return "working-days/list";
    }

    @PostMapping("/working-days")
    String add(@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String nation,
            @RequestParam(defaultValue = "") String name, Principal coordinator, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            closures.add(date, nation, name, coordinator.getName());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            FormErrors.show(model, e.problems());
            model.addAttribute("form", Map.of("date", date, "nation", nation, "name", name));
            return list(model);
        }
        redirect.addFlashAttribute("flash", "Closure day added: deadlines on it move to the next working day, and "
                + "local leads whose deadline moved have been told");
        return "redirect:/working-days";
    }

    @PostMapping("/working-days/{id}/removal")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        closures.remove(id);
        redirect.addFlashAttribute("flash", "Closure day removed");
        return "redirect:/working-days";
    }
}
