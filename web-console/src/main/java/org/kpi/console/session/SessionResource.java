package org.kpi.console.session;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.kpi.console.ConsoleConfig;
import org.kpi.console.Problem;

import java.time.Clock;
import java.util.List;

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
    Clock clock;

    /** The signed-in user; 401 when there is no valid session. */
    @GET
    @Path("/session")
    public SessionView session(@CookieParam(SessionCookie.NAME) String cookie) {
        return sessions.claims(cookie).map(claims -> SessionView.of(claims, config.demo().enabled()))
                .orElseThrow(() -> new Problem(401, "未登录", "请先登录，或登录已过期"));
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
                .header(HttpHeaders.SET_COOKIE, sessions.start(token)).build();
    }

    private void requireDemo() {
        if (!config.demo().enabled()) {
            throw new Problem(404, "未开放", "演示登录只在本地演示环境（./kpi up）中开放");
        }
    }
}
