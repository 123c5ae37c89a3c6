package org.qipflow.common;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Requests to email a link (a sign-in link, fresh task links), counted per client address: at most
 * {@code qipflow.security.link-requests-per-hour} (10) an hour from one address, on top of each kind's
 * own limit per organisation or per lead. Without it anyone could make qipflow email every lead on
 * record again and again.
 */
@Component
public class EmailedLinkRequests {

    static final Duration WINDOW = Duration.ofHours(1);

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final RequestBudget budget;

    private final int most;

    EmailedLinkRequests(Clock clock, @Value("${qipflow.security.link-requests-per-hour:10}") int most) {
        this.budget = new RequestBudget(most, WINDOW, clock);
        this.most = most;
    }

    /** How many requests one address may make in an hour. */
    public int most() {
        return most;
    }

    /** Counts this request, unless its address has asked too often: then when it may ask again. */
    public Optional<RequestBudget.Refusal> refused(HttpServletRequest request) {
        return budget.spend(request.getRemoteAddr());
    }

    /** The page that says so: 429, with the time to try again in UK time. */
    public static String refusal(RequestBudget.Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.seconds()));
        model.addAttribute("errorTitle", "Too many links asked for");
        model.addAttribute("errorMessage", "Many links have been asked for from your network in the past hour. "
                + "Try again after " + HOURS_MINUTES.format(refusal.until().atZone(UkTime.ZONE)) + ", or ask the programme "
                + "team, whose address is on every email from qipflow. Links already sent still work.");
        return "error";
    }
}
