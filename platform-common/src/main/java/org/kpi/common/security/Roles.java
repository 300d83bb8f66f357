package org.kpi.common.security;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {

    /** District or city leadership (区委/区政府领导): reads everything in its subtree. */
    public static final String LEADER = "leader";
    /** Supervision office (督查室/督考办): manages everything in its subtree. */
    public static final String SUPERVISOR = "supervisor";
    /** A department (发改局, 统计局 …): reports on what concerns it. */
    public static final String DEPARTMENT = "department";
    /** Platform administrator: acts on everything, whatever its org unit. */
    public static final String ADMIN = "admin";
    /** Another service of the platform, e.g. reading an event feed. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
