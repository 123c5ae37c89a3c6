package org.qipflow.security;

/** Engine groups and the Spring Security roles they grant. */
public final class Roles {

    /** Engine group whose members run programmes; tasks for coordinators are assigned to it. */
    public static final String COORDINATORS_GROUP = "coordinators";
    /** The engine's built-in group that may use Camunda Admin. */
    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    static final String COORDINATOR = "COORDINATOR";
    static final String CAMUNDA_ADMIN = "CAMUNDA_ADMIN";
    /** A local lead signed in by emailed link; never an engine user. */
    static final String LEAD = "LEAD";

    private Roles() {
    }

    /** Whether whoever asks on this request is a signed-in coordinator. */
    public static boolean coordinatorAsking() {
        org.springframework.security.core.Authentication authentication =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + COORDINATOR));
    }
}
