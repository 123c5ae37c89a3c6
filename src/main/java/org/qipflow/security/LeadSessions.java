package org.qipflow.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/** Starts a local lead's session once a feature has checked their sign-in link. */
@Component
public class LeadSessions {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    public void signIn(LeadPrincipal lead, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a session that existed before sign-in must not carry it
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(lead, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.LEAD))));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        csrfTokens.saveToken(null, request, response); // the form's next token is a new one, as after any sign-in
    }
}
