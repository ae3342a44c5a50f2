package io.eventsync.egress.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the admin API, and the tokens it issues ({@code POST /auth/oauth/token}).
 *
 * @param clients OAuth2 clients (client credentials grant)
 * @param tokenKey base64 of at least 32 random bytes, the same on every replica: signs tokens
 *     (HS256), so a token from one replica is good on all
 * @param tokenLifetime how long a token is accepted; OpsRamp's are about two hours
 */
@Validated
@ConfigurationProperties("eventsync.egress.admin")
public record AdminProperties(
        @NotEmpty List<@Valid Client> clients,
        @NotBlank String tokenKey,
        @DefaultValue("2h") @NotNull Duration tokenLifetime) {

    @Override
    public String toString() {
        return "AdminProperties[clients=" + clients + ", tokenKey=******, tokenLifetime=" + tokenLifetime + "]";
    }

    public record Client(@NotBlank String id, @NotBlank String secret) {
        @Override
        public String toString() {
            return "Client[id=" + id + ", secret=******]";
        }
    }
}
