package org.kpi.console.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** After signing in, the browser goes back to a page of the console and nowhere else. */
class ReturnAddressTest {

    @Test
    void aPageOfTheConsoleIsKeptWithItsQuery() {
        assertEquals("/tasks/42?tab=reports", SessionResource.localPath("/tasks/42?tab=reports"));
        assertEquals("/", SessionResource.localPath("/"));
    }

    @Test
    void anythingThatCouldLeaveTheConsoleGoesHome() {
        assertEquals("/", SessionResource.localPath(null));
        assertEquals("/", SessionResource.localPath(""));
        assertEquals("/", SessionResource.localPath("https://evil.example/"));
        assertEquals("/", SessionResource.localPath("//evil.example/x"));
        assertEquals("/", SessionResource.localPath("/\\evil.example/x"));
        assertEquals("/", SessionResource.localPath("/tasks\r\nSet-Cookie: x=1"));
    }
}
