package org.kpi.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakRealmTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final KeycloakRealm realm = new KeycloakRealm();

    @Test
    void committedRealmIsWhatTheLauncherWrites() throws Exception {
        Path committed = Path.of("../keycloak/kpi-realm.json");
        assertEquals(realm.json(), Files.readString(committed),
                "deploy/keycloak/kpi-realm.json is out of date: run ./kpi realm and commit the result");
    }

    @Test
    void everyDemoIdentityIsAUserWithItsRoleAndOrgUnit() throws Exception {
        JsonNode json = mapper.readTree(realm.json());
        List<KeycloakRealm.DemoUser> expected = KeycloakRealm.demoUsers(realm.demoOrgTree());
        // the city: admin, supervisor, leader, 4 departments; each of 4 districts: supervisor, leader, 18 departments
        assertEquals(1 + 2 + 4 + 4 * (2 + 18), expected.size());
        Set<String> usernames = new HashSet<>();
        for (KeycloakRealm.DemoUser user : expected) {
            JsonNode node = user(json, user.username());
            assertTrue(usernames.add(user.username()), "one user per identity: " + user.username());
            assertEquals(List.of(user.role()), texts(node.get("realmRoles")));
            assertEquals(List.of(user.orgUnitCode()), texts(node.at("/attributes/org")));
            assertEquals("${KPI_DEMO_PASSWORD}", node.at("/credentials/0/value").asText());
        }
        assertEquals("芝罘区督查室", user(json, "supervisor-370602").get("firstName").asText());
        assertEquals("芝罘区发展和改革局", user(json, "department-370602-fgj").get("firstName").asText());
        assertEquals(List.of("service"), texts(user(json, "service-account-kpi-service").get("realmRoles")));
    }

    @Test
    void consoleIsAPublicClientWithPkceAndEveryServiceIsBearerOnly() throws Exception {
        JsonNode json = mapper.readTree(realm.json());
        JsonNode console = client(json, "kpi-console");
        assertTrue(console.get("publicClient").asBoolean());
        assertTrue(console.get("standardFlowEnabled").asBoolean());
        assertFalse(console.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(console.get("implicitFlowEnabled").asBoolean());
        assertEquals("S256", console.at("/attributes/pkce.code.challenge.method").asText());
        assertEquals(List.of("${KPI_CONSOLE_URL:http://localhost:8080}/auth/oidc/*"), texts(console.get("redirectUris")));
        for (String service : KeycloakRealm.SERVICES) {
            assertTrue(client(json, service).get("bearerOnly").asBoolean(), service);
        }
        JsonNode cli = client(json, "kpi-cli");
        assertTrue(cli.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(cli.get("standardFlowEnabled").asBoolean());
        JsonNode feeds = client(json, "kpi-service");
        assertTrue(feeds.get("serviceAccountsEnabled").asBoolean());
        assertEquals("${KPI_SERVICE_CLIENT_SECRET}", feeds.get("secret").asText());
    }

    @Test
    void tokensCarryTheClaimsTheServicesRead() throws Exception {
        JsonNode json = mapper.readTree(realm.json());
        List<String> roles = texts(json.at("/roles/realm").findValues("name"));
        assertEquals(List.of("leader", "supervisor", "department", "admin", "service"), roles);
        JsonNode mappers = client(json, "kpi-console").get("protocolMappers");
        assertEquals("kpi-platform", mapper(mappers, "oidc-audience-mapper").at("/config/included.custom.audience").asText());
        assertEquals("groups", mapper(mappers, "oidc-usermodel-realm-role-mapper").at("/config/claim.name").asText());
        JsonNode org = mapper(mappers, "oidc-usermodel-attribute-mapper").get("config");
        assertEquals("org", org.get("user.attribute").asText());
        assertEquals("org", org.get("claim.name").asText());
        JsonNode profile = mapper.readTree(json.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config")
                .get("kc.user.profile.config").get(0).asText());
        assertTrue(texts(profile.get("attributes").findValues("name")).contains("org"),
                "the user profile declares the org attribute, or Keycloak would drop it");
    }

    private static JsonNode user(JsonNode realm, String username) {
        for (JsonNode user : realm.get("users")) {
            if (user.get("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode mapper(JsonNode mappers, String kind) {
        for (JsonNode mapper : mappers) {
            if (mapper.get("protocolMapper").asText().equals(kind)) {
                return mapper;
            }
        }
        throw new AssertionError("no mapper " + kind);
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
