package org.kpi.common.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.kpi.common.problem.Problem;
import org.kpi.common.problem.ProblemKind;
import org.kpi.common.problem.ProblemMappers;

import java.util.Base64;
import java.util.Optional;

/**
 * Refuses a bearer token whose header or claims nest deeper than any real token does, before
 * the token library parses it: a validly signed token with a claim nested thousands of levels
 * deep would otherwise overflow the stack of the claim conversion (a 500). The platform's claims
 * are flat ({@code groups} is the deepest, at two levels), so the bound leaves ample room.
 */
public class TokenDepthGuard {

    /** Deepest nesting of objects and arrays accepted in a token's header or claims. */
    static final int MAX_DEPTH = 16;
    private static final String BEARER = "bearer ";

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseDeepTokens(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(BEARER.length()).trim().split("\\.", -1);
        for (int i = 0; i < Math.min(parts.length, 2); i++) {
            if (tooDeep(parts[i])) {
                return Optional.of(ProblemMappers.respond(Problem.of(ProblemKind.UNAUTHENTICATED,
                        "令牌缺失、无效或已过期")));
            }
        }
        return Optional.empty();
    }

    /** Whether a base64url JSON part nests deeper than {@link #MAX_DEPTH}; undecodable parts are left to the verifier. */
    static boolean tooDeep(String part) {
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return depth(json) > MAX_DEPTH;
    }

    /** The deepest nesting of objects and arrays in {@code json}, brackets inside strings not counted. */
    static int depth(byte[] json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            char c = (char) (b & 0xff);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
                if (depth > max) {
                    max = depth;
                    if (max > MAX_DEPTH) {
                        return max;
                    }
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }
}
