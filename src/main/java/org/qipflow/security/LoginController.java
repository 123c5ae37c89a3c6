package org.qipflow.security;

import org.qipflow.common.FieldProblem;
import org.qipflow.common.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** The demo profile's password, shown only while it is still the one in use. */
    static final String DEMO_PASSWORD = "coordinator";

    private final boolean demo;
    private final AdminAccountProperties admin;

    LoginController(@Value("${qipflow.demo.enabled:false}") boolean demo, AdminAccountProperties admin) {
        this.demo = demo;
        this.admin = admin;
    }

    /** Why the last sign-in failed, on the user-name field, from where Spring Security sent the browser back. */
    @ModelAttribute
    void problems(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
            Model model) {
        if (throttled != null) {
            FormErrors.show(model, new FieldProblem("username", "There have been too many wrong sign-ins from your "
                    + "network. Wait 15 minutes, then try again."));
        } else if (error != null) {
            FormErrors.show(model, new FieldProblem("username", "Enter a correct user name and password. After "
                    + "several wrong attempts from one network, sign-in from it stops for a while."));
        }
    }

    @GetMapping("/login")
    String login(Model model) {
        FormErrors.noneYet(model);
        // The demo password is public by design (README, log); a password set from the environment never is.
        boolean showDemoSignIn = demo && DEMO_PASSWORD.equals(admin.password());
        model.addAttribute("demo", showDemoSignIn);
        model.addAttribute("demoUsername", showDemoSignIn ? admin.username() : null);
        model.addAttribute("demoPassword", showDemoSignIn ? DEMO_PASSWORD : null);
        return "login";
    }
}
