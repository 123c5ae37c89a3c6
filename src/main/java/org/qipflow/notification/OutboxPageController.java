package org.qipflow.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Coordinators read every email qipflow has written, sent or waiting; links in them work. */
@Controller
class OutboxPageController {

    private final Outbox outbox;
    private final boolean relaying;

    OutboxPageController(Outbox outbox, @Value("${spring.mail.host:}") String mailHost) {
        this.outbox = outbox;
        this.relaying = !mailHost.isBlank();
    }

    @GetMapping("/outbox")
    String list(Model model) {
        model.addAttribute("messages", outbox.latest(200));
        model.addAttribute("relaying", relaying);
        return "outbox/list";
    }

    @GetMapping("/outbox/{id}")
    String show(@PathVariable long id, Model model) {
        // With a mail server the links are for their recipients only; without one (the demo) this page
        // is how emails reach anyone, so their links work here.
        OutboxMessage stored = outbox.get(id);
        OutboxMessage message = relaying ? stored : outbox.withWorkingLinks(stored);
        model.addAttribute("message", message);
        model.addAttribute("body", bodyOf(relaying ? LinkSeal.removeLinks(message.htmlBody()) : message.htmlBody()));
        model.addAttribute("text", relaying ? LinkSeal.removeLinks(message.textBody()) : message.textBody());
        model.addAttribute("relaying", relaying);
        return "outbox/show";
    }

    /** The inside of the email's body element, to show within this page. */
    static String bodyOf(String html) {
        int open = html.indexOf("<body");
        int start = open < 0 ? 0 : html.indexOf('>', open) + 1;
        int end = html.lastIndexOf("</body>");
        return html.substring(start, end < start ? html.length() : end);
    }
}
