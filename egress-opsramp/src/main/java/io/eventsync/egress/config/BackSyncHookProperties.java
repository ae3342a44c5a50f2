package io.eventsync.egress.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The back-sync hook (seed 004's {@code OMBackSync.pl}, one per installation): called with
 * {@code Init} at start and {@code Close <external id>} when an event is closed. Either a local
 * executable, run without a shell, or an HTTP endpoint; neither means no hook.
 *
 * @param command the executable and its first arguments, e.g. {@code [perl, /opt/backsync/OMBackSync.pl]};
 *     the operation and id are appended as separate arguments, never interpolated
 * @param url instead of a command: {@code POST}ed {@code {"operation": "Init"|"Close", "id": ...}}
 * @param timeout one call; a command still running then is killed
 * @param group the hook's consumer group on the events and sync-back topics
 */
@Validated
@ConfigurationProperties("eventsync.egress.back-sync")
public record BackSyncHookProperties(
        @DefaultValue List<@NotBlank String> command,
        String url,
        @DefaultValue("30s") @NotNull Duration timeout,
        @DefaultValue("eventsync-egress.back-sync") @NotBlank String group) {

    public boolean configured() {
        return !command.isEmpty() || (url != null && !url.isBlank());
    }

    @AssertTrue(message = "give either command or url, not both")
    public boolean isOneForm() {
        return command.isEmpty() || url == null || url.isBlank();
    }
}
