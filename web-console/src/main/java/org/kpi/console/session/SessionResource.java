package org.kpi.console.session;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.console.ConsoleConfig;
import org.kpi.console.Problem;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The console's own endpoints: who is signed in, signing out, and the demo sign-in of the local
 * platform. Everything under {@code /api} is the services', forwarded by the routing table.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    Sessions sessions;

    @Inject
    DemoSignIn demo;

    @Inject
    ConsoleConfig config;

    @Inject
    TokenRenewal renewal;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /** The signed-in user, the session renewed when its token is about to expire; 401 when there is no valid session. */
    @GET
    @Path("/session")
    public Uni<RestResponse<Object>> session(@CookieParam(SessionCookie.NAME) String cookie) {
        return sessions.current(cookie).map(current -> {
            RestResponse.ResponseBuilder<Object> response = current.claims()
                    .map(claims -> RestResponse.ResponseBuilder.<Object>ok(
                            SessionView.of(claims, config.demo().enabled()), MediaType.APPLICATION_JSON_TYPE))
                    .orElseGet(() -> Problem.builder(401, "未登录", "请先登录，或登录已过期"));
            current.setCookie().ifPresent(value -> response.header(HttpHeaders.SET_COOKIE, value));
            return response.build();
        });
    }

    /**
     * The end of the identity provider's sign-in (authorization code flow with PKCE, carried out by
     * Quarkus OIDC on the paths under {@code /auth/oidc}): the provider's tokens become the
     * console's session, and the browser goes back to the page it came from. A user the platform
     * gives no role is sent to the sign-in page with a notice.
     */
    @GET
    @Path("/oidc/sign-in")
    public RestResponse<Void> providerSignIn(@QueryParam("return") String back) {
        if (!renewal.enabled()) {
            throw new Problem(404, "未开放", "未配置统一身份认证");
        }
        AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
        String refresh = access.getRefreshToken() == null ? null : access.getRefreshToken().getToken();
        SessionTokens tokens = new SessionTokens(access.getToken(), refresh);
        Optional<SessionClaims> claims = SessionClaims.of(tokens.accessToken(), clock.instant());
        if (claims.isEmpty() || claims.get().role() == null) {
            return RestResponse.ResponseBuilder.<Void>seeOther(URI.create("/login?denied=1")).build();
        }
        URI page;
        try {
            page = URI.create(localPath(back));
        } catch (IllegalArgumentException e) {
            page = URI.create("/");
        }
        return RestResponse.ResponseBuilder.<Void>seeOther(page)
                .header(HttpHeaders.SET_COOKIE, sessions.start(tokens)).build();
    }

    /** A path on this console to go back to: anything else (another host, {@code //host}) goes home. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return back;
    }

    /** Ends the session. */
    @POST
    @Path("/sign-out")
    public RestResponse<Void> signOut() {
        return RestResponse.ResponseBuilder.<Void>noContent().header(HttpHeaders.SET_COOKIE, sessions.end()).build();
    }

    /** The identities the demo sign-in offers; 404 unless the demo is on. */
    @GET
    @Path("/demo/identities")
    public List<DemoIdentity> identities() {
        requireDemo();
        return demo.identities();
    }

    /** Signs in as one demo identity; 404 unless the demo is on. */
    @POST
    @Path("/demo/sign-in")
    public RestResponse<SessionView> signIn(@NotNull(message = "请求体不能为空") @Valid DemoSignInRequest request) {
        requireDemo();
        DemoIdentity identity = demo.find(request.role(), request.orgUnitCode())
                .orElseThrow(() -> new Problem(400, "没有这个演示身份", "演示数据中没有 " + request.orgUnitCode()
                        + " 的“" + request.role() + "”身份"));
        String token = demo.token(identity);
        SessionClaims claims = SessionClaims.of(token, clock.instant()).orElseThrow();
        return RestResponse.ResponseBuilder.ok(SessionView.of(claims, true))
                .header(HttpHeaders.SET_COOKIE, sessions.start(new SessionTokens(token, null))).build();
    }

    private void requireDemo() {
        if (!config.demo().enabled()) {
            throw new Problem(404, "未开放", "演示登录只在本地演示环境（./kpi up）中开放");
        }
    }
}
