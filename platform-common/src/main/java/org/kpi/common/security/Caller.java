package org.kpi.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;

/**
 * Who is calling: the verified token's subject, display name, roles and org unit.
 * Resources and services ask it, never the raw token.
 */
@RequestScoped
public class Caller {

    /** The actor recorded for work that no user asked for (event consumers, schedulers). */
    public static final String SYSTEM = "system";

    @Inject
    SecurityIdentity identity;

    public boolean isAuthenticated() {
        return identity != null && !identity.isAnonymous();
    }

    public String subject() {
        if (!isAuthenticated()) {
            return SYSTEM;
        }
        JsonWebToken jwt = jwt();
        if (jwt != null && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public String displayName() {
        JsonWebToken jwt = jwt();
        if (jwt != null && jwt.getClaim("name") != null) {
            return jwt.getClaim("name").toString();
        }
        return subject();
    }

    /** The code of the caller's org unit, or {@code null} when the token names none. */
    public String orgCode() {
        JsonWebToken jwt = jwt();
        if (jwt == null) {
            return null;
        }
        Object org = jwt.getClaim("org");
        return org == null || org.toString().isBlank() ? null : org.toString().trim();
    }

    public boolean hasRole(String role) {
        return isAuthenticated() && identity.hasRole(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    public boolean isSupervisor() {
        return hasRole(Roles.SUPERVISOR);
    }

    public boolean isLeader() {
        return hasRole(Roles.LEADER);
    }

    public boolean isDepartment() {
        return hasRole(Roles.DEPARTMENT);
    }

    public boolean isService() {
        return hasRole(Roles.SERVICE);
    }

    private JsonWebToken jwt() {
        if (!isAuthenticated()) {
            return null;
        }
        Principal principal = identity.getPrincipal();
        return principal instanceof JsonWebToken token ? token : null;
    }
}
