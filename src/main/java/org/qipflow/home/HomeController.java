package org.qipflow.home;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final OrganisationService organisations;

    HomeController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/")
    String home(Model model) {
        Map<String, Organisation> byCode = organisations.list(null).stream()
                .collect(Collectors.toMap(Organisation::code, Function.identity()));
        model.addAttribute("counts", organisations.counts());
        model.addAttribute("renewals", organisations.renewalsDue());
        model.addAttribute("organisationsByCode", byCode);
        return "home";
    }
}
