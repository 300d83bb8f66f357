package org.kpi.console.session;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kpi.console.ConsoleConfig;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo sign-in of the local platform: every role × org unit of the demo org tree, signed in
 * with one click by a token the console mints with the launcher's local key. Off unless
 * {@code kpi.console.demo.enabled}; production signs in through the OIDC provider.
 */
@ApplicationScoped
public class DemoSignIn {

    @Inject
    OrgDirectory directory;

    @Inject
    ConsoleConfig config;

    @Inject
    Clock clock;

    /** The identities on offer: for the city and each district its leader and supervision office, then its departments. */
    public List<DemoIdentity> identities() {
        List<OrgUnitsClient.Unit> units = directory.units();
        Map<String, OrgUnitsClient.Unit> byCode = new HashMap<>();
        units.forEach(unit -> byCode.put(unit.code(), unit));
        List<DemoIdentity> identities = new ArrayList<>();
        for (OrgUnitsClient.Unit unit : units) {
            if (!"DEPARTMENT".equals(unit.type())) {
                if ("CITY".equals(unit.type())) {
                    identities.add(identity("admin", unit, byCode));
                }
                identities.add(identity("supervisor", unit, byCode));
                identities.add(identity("leader", unit, byCode));
                units.stream().filter(child -> unit.code().equals(child.parentCode()) && "DEPARTMENT".equals(child.type()))
                        .forEach(child -> identities.add(identity("department", child, byCode)));
            }
        }
        return identities;
    }

    /** The identity for {@code role} in {@code orgUnitCode}, if the demo offers it. */
    public Optional<DemoIdentity> find(String role, String orgUnitCode) {
        return identities().stream()
                .filter(identity -> identity.role().equals(role) && identity.orgUnitCode().equals(orgUnitCode))
                .findFirst();
    }

    /** A token for {@code identity}, valid for the demo session length. */
    public String token(DemoIdentity identity) {
        return Jwt.issuer(config.demo().issuer()).audience(config.demo().audience())
                .subject(identity.role() + "@" + identity.orgUnitCode())
                .claim("name", identity.label()).claim("org", identity.orgUnitCode())
                .groups(Set.of(identity.role()))
                .issuedAt(clock.instant()).expiresAt(clock.instant().plus(config.demo().sessionLength()))
                .sign();
    }

    private static DemoIdentity identity(String role, OrgUnitsClient.Unit unit, Map<String, OrgUnitsClient.Unit> byCode) {
        OrgUnitsClient.Unit parent = unit.parentCode() == null ? null : byCode.get(unit.parentCode());
        String group = "DEPARTMENT".equals(unit.type()) && parent != null ? parent.name() : unit.name();
        String label = switch (role) {
            case "admin" -> "平台管理员（" + unit.name() + "）";
            case "supervisor" -> unit.name() + "督查室";
            case "leader" -> unit.name() + "领导";
            default -> parent != null && !unit.name().startsWith(parent.name()) ? parent.name() + unit.name() : unit.name();
        };
        String roleLabel = switch (role) {
            case "admin" -> "管理员";
            case "supervisor" -> "督查";
            case "leader" -> "领导";
            default -> "部门";
        };
        return new DemoIdentity(role, unit.code(), label, roleLabel, group);
    }
}
