package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the Keycloak realm of the platform, {@code deploy/keycloak/kpi-realm.json}
 * ({@code ./kpi realm}): the realm roles, the claims the services read ({@code groups},
 * {@code org}, {@code name}, audience {@code kpi-platform}), a bearer-only client per service,
 * the web console's public client (code flow with PKCE), a public client for scripts (password
 * grant), the confidential client the services read each other's feeds with (client
 * credentials), and the demo users — the same role × org
 * unit identities the local demo sign-in offers, made from the demo org tree.
 *
 * <p>No secret is written: the demo users' password, the feed client's secret and the console's
 * address are placeholders Keycloak fills from its environment when it imports the realm
 * ({@code KPI_DEMO_PASSWORD}, {@code KPI_SERVICE_CLIENT_SECRET}, {@code KPI_CONSOLE_URL}).
 */
final class KeycloakRealm {

    static final String REALM = "kpi";
    static final String AUDIENCE = "kpi-platform";
    static final String CONSOLE_CLIENT = "kpi-console";
    static final String FEED_CLIENT = "kpi-service";
    static final String CLI_CLIENT = "kpi-cli";
    static final List<String> SERVICES = List.of("target-service", "task-service", "notify-service");

    /** The realm roles: the platform's roles, as the {@code groups} claim carries them. */
    static final Map<String, String> ROLES = Map.of(
            "leader", "领导：查看驾驶舱、排名与红色事项",
            "supervisor", "督查：设定目标、分解与交办任务、审核、督办",
            "department", "部门：填报进展与实绩、申请办结、答复督办",
            "admin", "管理员：组织机构、指标与提醒配置",
            "service", "服务间调用（事件订阅）");

    private static final String CONSOLE_URL = "${KPI_CONSOLE_URL:http://localhost:8080}";
    private static final List<String> ROLE_ORDER = List.of("leader", "supervisor", "department", "admin", "service");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The demo identities: for the city its admin, and for the city and each district its supervision office, leader and departments. */
    static List<DemoUser> demoUsers(JsonNode orgTree) {
        List<DemoUser> users = new ArrayList<>();
        JsonNode city = orgTree.get("city");
        String cityCode = city.get("code").asText();
        String cityName = city.get("name").asText();
        users.add(new DemoUser("admin", cityCode, "平台管理员（" + cityName + "）"));
        addUnit(users, cityCode, cityName, orgTree.get("cityDepartments"));
        for (JsonNode district : orgTree.get("districts")) {
            addUnit(users, district.get("code").asText(), district.get("name").asText(), orgTree.get("districtDepartments"));
        }
        return users;
    }

    private static void addUnit(List<DemoUser> users, String code, String name, JsonNode departments) {
        users.add(new DemoUser("supervisor", code, name + "督查室"));
        users.add(new DemoUser("leader", code, name + "领导"));
        for (JsonNode department : departments) {
            users.add(new DemoUser("department", code + "-" + department.get("suffix").asText(),
                    name + department.get("name").asText()));
        }
    }

    /** The demo org tree the launcher loads ({@code demo/org-tree.json}). */
    JsonNode demoOrgTree() {
        try (InputStream in = KeycloakRealm.class.getResourceAsStream("/demo/org-tree.json")) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm, as Keycloak imports it. */
    String json() {
        try {
            return mapper.writeValueAsString(realm(demoUsers(demoOrgTree()))) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode realm(List<DemoUser> users) {
        ObjectNode realm = mapper.createObjectNode()
                .put("realm", REALM)
                .put("displayName", "督考问用")
                .put("enabled", true)
                .put("sslRequired", "external")
                .put("registrationAllowed", false)
                .put("loginWithEmailAllowed", false)
                .put("resetPasswordAllowed", false)
                .put("bruteForceProtected", true)
                .put("internationalizationEnabled", true)
                .put("defaultLocale", "zh-CN")
                // access tokens live five minutes and the console renews them with the refresh token;
                // a session ends after 30 idle minutes and after ten hours in any case
                .put("accessTokenLifespan", 300)
                .put("ssoSessionIdleTimeout", 1800)
                .put("ssoSessionMaxLifespan", 36000)
                .put("revokeRefreshToken", false);
        realm.putArray("supportedLocales").add("zh-CN").add("en");
        ArrayNode roles = realm.putObject("roles").putArray("realm");
        for (String role : ROLE_ORDER) {
            roles.addObject().put("name", role).put("description", ROLES.get(role));
        }
        realm.putObject("components").putArray("org.keycloak.userprofile.UserProfileProvider").addObject()
                .put("providerId", "declarative-user-profile")
                .putObject("config").putArray("kc.user.profile.config").add(userProfile());
        ArrayNode clients = realm.putArray("clients");
        for (String service : SERVICES) {
            clients.addObject().put("clientId", service).put("name", service).put("enabled", true)
                    .put("bearerOnly", true).put("publicClient", false).put("standardFlowEnabled", false)
                    .put("directAccessGrantsEnabled", false);
        }
        ObjectNode console = clients.addObject().put("clientId", CONSOLE_CLIENT).put("name", "督考问用控制台")
                .put("enabled", true).put("publicClient", true).put("standardFlowEnabled", true)
                .put("implicitFlowEnabled", false).put("directAccessGrantsEnabled", false)
                .put("serviceAccountsEnabled", false).put("frontchannelLogout", false)
                .put("rootUrl", CONSOLE_URL).put("baseUrl", "/");
        console.putArray("redirectUris").add(CONSOLE_URL + "/auth/oidc/*");
        console.putArray("webOrigins").add("+");
        console.putObject("attributes")
                .put("pkce.code.challenge.method", "S256")
                .put("post.logout.redirect.uris", CONSOLE_URL + "/login*");
        console.putArray("defaultClientScopes").add("basic");
        console.putArray("optionalClientScopes");
        claimMappers(console.putArray("protocolMappers"), true);
        // scripts and the keycloak tests: a person's token by the password grant (turn off where not wanted)
        ObjectNode cli = clients.addObject().put("clientId", CLI_CLIENT).put("name", "命令行与脚本")
                .put("enabled", true).put("publicClient", true).put("standardFlowEnabled", false)
                .put("implicitFlowEnabled", false).put("directAccessGrantsEnabled", true)
                .put("serviceAccountsEnabled", false);
        cli.putArray("defaultClientScopes").add("basic");
        cli.putArray("optionalClientScopes");
        claimMappers(cli.putArray("protocolMappers"), true);
        ObjectNode feeds = clients.addObject().put("clientId", FEED_CLIENT).put("name", "服务间调用")
                .put("enabled", true).put("publicClient", false).put("clientAuthenticatorType", "client-secret")
                .put("secret", "${KPI_SERVICE_CLIENT_SECRET}").put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false).put("serviceAccountsEnabled", true);
        feeds.putArray("defaultClientScopes").add("basic");
        feeds.putArray("optionalClientScopes");
        ArrayNode feedMappers = feeds.putArray("protocolMappers");
        claimMappers(feedMappers, false);
        feedMappers.addObject().put("name", "org").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-hardcoded-claim-mapper")
                .putObject("config").put("claim.name", "org").put("claim.value", "SYSTEM")
                .put("jsonType.label", "String").put("access.token.claim", "true").put("id.token.claim", "false");
        ArrayNode userArray = realm.putArray("users");
        ObjectNode serviceAccount = userArray.addObject().put("username", "service-account-" + FEED_CLIENT)
                .put("enabled", true).put("serviceAccountClientId", FEED_CLIENT);
        serviceAccount.putArray("realmRoles").add("service");
        for (DemoUser user : users) {
            ObjectNode node = userArray.addObject().put("username", user.username()).put("enabled", true)
                    .put("firstName", user.name()).put("emailVerified", false);
            node.putObject("attributes").putArray("org").add(user.orgUnitCode());
            node.putArray("credentials").addObject().put("type", "password")
                    .put("value", "${KPI_DEMO_PASSWORD}").put("temporary", false);
            node.putArray("realmRoles").add(user.role());
        }
        return realm;
    }

    /** The claims every token of the platform carries; the user's own only where a person signs in. */
    private static void claimMappers(ArrayNode mappers, boolean person) {
        mappers.addObject().put("name", "audience " + AUDIENCE).put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper")
                .putObject("config").put("included.custom.audience", AUDIENCE)
                .put("access.token.claim", "true").put("id.token.claim", "false");
        mappers.addObject().put("name", "groups").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-usermodel-realm-role-mapper")
                .putObject("config").put("claim.name", "groups").put("multivalued", "true")
                .put("jsonType.label", "String").put("access.token.claim", "true")
                .put("id.token.claim", Boolean.toString(person)).put("userinfo.token.claim", Boolean.toString(person));
        if (person) {
            mappers.addObject().put("name", "org").put("protocol", "openid-connect")
                    .put("protocolMapper", "oidc-usermodel-attribute-mapper")
                    .putObject("config").put("user.attribute", "org").put("claim.name", "org")
                    .put("jsonType.label", "String").put("access.token.claim", "true").put("id.token.claim", "true")
                    .put("userinfo.token.claim", "true");
            mappers.addObject().put("name", "name").put("protocol", "openid-connect")
                    .put("protocolMapper", "oidc-full-name-mapper")
                    .putObject("config").put("access.token.claim", "true").put("id.token.claim", "true")
                    .put("userinfo.token.claim", "true");
        }
    }

    /** The user profile: the org unit code is an attribute only administrators set; e-mail and surname are optional. */
    private String userProfile() {
        ObjectNode profile = mapper.createObjectNode();
        ArrayNode attributes = profile.putArray("attributes");
        ObjectNode username = attributes.addObject().put("name", "username").put("displayName", "${username}");
        adminOnly(username, false);
        ObjectNode email = attributes.addObject().put("name", "email").put("displayName", "${email}");
        email.putObject("validations").putObject("email");
        adminOnly(email, true);
        for (String name : List.of("firstName", "lastName")) {
            adminOnly(attributes.addObject().put("name", name).put("displayName", "${" + name + "}"), false);
        }
        ObjectNode org = attributes.addObject().put("name", "org").put("displayName", "组织机构代码");
        adminOnly(org, false);
        profile.putArray("groups");
        try {
            return mapper.writer().writeValueAsString(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void adminOnly(ObjectNode attribute, boolean userMayEdit) {
        ObjectNode permissions = attribute.putObject("permissions");
        permissions.putArray("view").add("admin").add("user");
        ArrayNode edit = permissions.putArray("edit").add("admin");
        if (userMayEdit) {
            edit.add("user");
        }
    }

    /** One demo user: {@code role-orgunitcode} (lower case, as Keycloak keeps user names). */
    record DemoUser(String role, String orgUnitCode, String name) {
        String username() {
            return (role + "-" + orgUnitCode).toLowerCase(Locale.ROOT);
        }
    }
}
