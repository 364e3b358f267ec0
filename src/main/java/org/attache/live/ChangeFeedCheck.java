package org.attache.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while this replica cannot hear changes: its subscribers would silently miss them. */
@Readiness
@ApplicationScoped
public class ChangeFeedCheck implements HealthCheck {

    @Inject
    ChangeFeed feed;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Change feed (LISTEN " + ChangeFeed.CHANNEL + ")").status(feed.listening()).build();
    }
}
