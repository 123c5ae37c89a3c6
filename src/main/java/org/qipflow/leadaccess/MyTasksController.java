package org.qipflow.leadaccess;

import org.qipflow.common.ConflictException;
import org.qipflow.security.LeadPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My tasks": what a signed-in local lead has to do, cycle by cycle, and a way straight into each task. */
@Controller
class MyTasksController {

    private final LeadTaskList tasks;
    private final LedOrganisations led;

    MyTasksController(LeadTaskList tasks, LedOrganisations led) {
        this.tasks = tasks;
        this.led = led;
    }

    @GetMapping("/my/tasks")
    String tasks(@AuthenticationPrincipal LeadPrincipal lead, Model model) {
        model.addAttribute("cycles", tasks.of(led.now(lead)));
        return "leads/my-tasks";
    }

    /** Opens a task: a fresh link for it, issued to the lead who is signed in, followed at once. */
    @PostMapping("/my/tasks/{cycleId}/{code}/{action}")
    String open(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId, @PathVariable String code,
            @PathVariable LeadTaskList.Action action, RedirectAttributes redirect) {
        led.check(lead, code);
        try {
            return "redirect:" + tasks.openTask(cycleId, code, action);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
            return "redirect:/my/tasks";
        }
    }
}
