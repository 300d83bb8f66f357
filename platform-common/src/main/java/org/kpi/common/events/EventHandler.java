package org.kpi.common.events;

/**
 * Applies events of some types to this service's own tables. Called inside the transaction that
 * also advances the feed cursor; must be idempotent, since delivery is at-least-once.
 */
public interface EventHandler {

    boolean handles(String type);

    void apply(FeedEvent event);
}
