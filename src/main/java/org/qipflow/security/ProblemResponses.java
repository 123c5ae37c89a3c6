package org.qipflow.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for API callers as {@code application/problem+json}, like every other API error. */
final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    /** For HTTP Basic clients: asks for credentials. */
    static AuthenticationEntryPoint basicChallenge() {
        return (request, response, e) -> {
            if (e instanceof SignInThrottle.Throttled throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.seconds()));
                write(response, 429, "Too Many Requests", "Too many failed sign-ins from this address: try again "
                        + "in " + throttled.seconds() + " seconds.", request.getRequestURI());
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"qipflow\", charset=\"UTF-8\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Sign in with HTTP Basic using a coordinator account.", request.getRequestURI());
        };
    }

    /** For the webapps' own API, called by pages: no Basic challenge, which would pop up a browser dialog. */
    static AuthenticationEntryPoint signInFirst() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                "Sign in at /login first.", request.getRequestURI());
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "This account may not use this resource; it needs to be in the coordinators group.",
                request.getRequestURI());
    }

    static void write(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
