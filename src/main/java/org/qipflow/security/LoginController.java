package org.qipflow.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final boolean demo;
    private final AdminAccountProperties admin;

    LoginController(@Value("${qipflow.demo.enabled:false}") boolean demo, AdminAccountProperties admin) {
        this.demo = demo;
        this.admin = admin;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demo", demo);
        // The demo password is public by design (README, log); any other is never shown.
        model.addAttribute("demoUsername", demo ? admin.username() : null);
        model.addAttribute("demoPassword", demo ? admin.password() : null);
        return "login";
    }
}
