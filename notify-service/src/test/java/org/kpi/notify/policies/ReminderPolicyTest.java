package org.kpi.notify.policies;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kpi.notify.NotifyFixture;
import org.kpi.testing.FeedStubResource;
import org.kpi.testing.PostgresResource;
import org.kpi.testing.TestTokens;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Policies over HTTP: inheritance, who may write, and what a bad ladder gets. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedStubResource.class)
class ReminderPolicyTest {

    private static final String LADDER = "{\"steps\":[{\"offsetDays\":-2,\"kind\":\"NOTICE\",\"notify\":[\"LEAD\"]},"
            + "{\"offsetDays\":5,\"kind\":\"RED\",\"notify\":[\"DISTRICT\"]}],\"quietHours\":null,\"digest\":true}";

    @Inject
    NotifyFixture fixture;

    @Test
    void aDistrictPolicyWithoutQuietHoursIsInheritedByItsDepartments() {
        NotifyFixture.Tree tree = fixture.tree();
        TestTokens.as("supervisor", tree.district()).body(LADDER).put("/api/v1/reminder-policies/" + tree.district())
                .then().statusCode(200).header("ETag", "\"1\"").body("quietHours", nullValue()).body("digest", equalTo(true));

        TestTokens.as("department", tree.lead()).get("/api/v1/reminder-policies/" + tree.lead()).then().statusCode(200)
                .body("inheritedFrom", equalTo(tree.district())).body("version", equalTo(0))
                .body("steps.offsetDays", hasItem(5)).body("quietHours", nullValue());
    }

    @Test
    void leavingQuietHoursOutGivesTheDefaultWindowAndAStaleVersionIsAConflict() {
        NotifyFixture.Tree tree = fixture.tree();
        String body = "{\"steps\":[{\"offsetDays\":1,\"kind\":\"URGE\",\"notify\":[\"LEAD\",\"CO\"]}]}";
        TestTokens.as("supervisor", tree.district()).body(body).put("/api/v1/reminder-policies/" + tree.lead())
                .then().statusCode(200).body("quietHours.start", equalTo("22:00")).body("quietHours.end", equalTo("07:30"));
        TestTokens.as("supervisor", tree.district()).header("If-Match", "\"7\"").body(body)
                .put("/api/v1/reminder-policies/" + tree.lead()).then().statusCode(409);
    }

    @Test
    void aLadderWithARepeatedOffsetOrABadTimeIsRefused() {
        NotifyFixture.Tree tree = fixture.tree();
        TestTokens.as("supervisor", tree.district()).body("{\"steps\":[{\"offsetDays\":1,\"kind\":\"URGE\",\"notify\":[\"LEAD\"]},"
                        + "{\"offsetDays\":1,\"kind\":\"RED\",\"notify\":[\"CITY\"]}]}")
                .put("/api/v1/reminder-policies/" + tree.district()).then().statusCode(400)
                .body("errors.field", hasItem("steps[1].offsetDays"));
        TestTokens.as("supervisor", tree.district()).body("{\"steps\":[{\"offsetDays\":1,\"kind\":\"URGE\","
                        + "\"notify\":[\"LEAD\"]}],\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:30\"}}")
                .put("/api/v1/reminder-policies/" + tree.district()).then().statusCode(400);
        TestTokens.as("supervisor", tree.district()).body("{\"steps\":[{\"offsetDays\":1,\"kind\":\"SHOUT\","
                        + "\"notify\":[\"LEAD\"]}]}")
                .put("/api/v1/reminder-policies/" + tree.district()).then().statusCode(400);
    }

    @Test
    void departmentsAndForeignSupervisorsCannotWriteAndOnlyAdminsWriteTheDefault() {
        NotifyFixture.Tree tree = fixture.tree();
        NotifyFixture.Tree other = fixture.tree();
        TestTokens.as("department", tree.lead()).body(LADDER).put("/api/v1/reminder-policies/" + tree.lead())
                .then().statusCode(403);
        TestTokens.as("supervisor", other.district()).body(LADDER).put("/api/v1/reminder-policies/" + tree.lead())
                .then().statusCode(404);
        TestTokens.as("supervisor", other.district()).get("/api/v1/reminder-policies/" + tree.lead())
                .then().statusCode(404);
        TestTokens.as("supervisor", tree.district()).body(LADDER).put("/api/v1/reminder-policies/default")
                .then().statusCode(403);
        TestTokens.as("supervisor", tree.district()).get("/api/v1/reminder-policies/default").then().statusCode(200)
                .body("steps.size()", equalTo(5));
    }
}
