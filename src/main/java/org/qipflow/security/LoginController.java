package org.qipflow.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

    @GetMapping("/login")
    String login(Model model) {
        // The demo password is public by design (README, log); a password set from the environment never is.
        boolean showDemoSignIn = demo && DEMO_PASSWORD.equals(admin.password());
        model.addAttribute("demo", showDemoSignIn);
        model.addAttribute("demoUsername", showDemoSignIn ? admin.username() : null);
        model.addAttribute("demoPassword", showDemoSignIn ? DEMO_PASSWORD : null);
        return "login";
    }
}
