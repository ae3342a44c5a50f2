package io.eventsync.ingest.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How ingest reaches one OFSC instance.
 *
 * @param instanceUrl e.g. {@code https://acme.fs.ocs.oraclecloud.com}
 * @param instance the instance name, the part after {@code @} in a Basic user ({@code client@instance})
 * @param auth {@code basic} or {@code oauth2} (client credentials)
 * @param clientId the application's client id, without the instance
 * @param clientSecret its secret; never logged
 * @param tokenUrl the OAuth2 token endpoint; default {@code <instance-url>/rest/oauthTokenService/v2/token}
 * @param requestTimeout how long one API call may take before it counts as failed (and is retried)
 * @param maxPageBytes the largest response body accepted; 1000 large events fit in the default
 */
@Validated
@ConfigurationProperties("eventsync.ofsc")
public record OfscProperties(
        @NotNull URI instanceUrl,
        @NotBlank String instance,
        @DefaultValue("basic") @NotNull AuthMode auth,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        URI tokenUrl,
        @DefaultValue("30s") @NotNull Duration requestTimeout,
        @DefaultValue("64MB") @NotNull DataSize maxPageBytes) {

    public enum AuthMode { BASIC, OAUTH2 }

    public URI effectiveTokenUrl() {
        return tokenUrl != null ? tokenUrl : instanceUrl.resolve("/rest/oauthTokenService/v2/token");
    }

    /** What OFSC calls the client in Basic authentication. */
    public String qualifiedClientId() {
        return clientId + "@" + instance;
    }

    @Override
    public String toString() {
        return "OfscProperties[instanceUrl=" + instanceUrl + ", instance=" + instance + ", auth=" + auth
                + ", clientId=" + clientId + ", clientSecret=******, tokenUrl=" + effectiveTokenUrl()
                + ", requestTimeout=" + requestTimeout + ", maxPageBytes=" + maxPageBytes + "]";
    }
}
