package io.eventsync.sandbox.receiver;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many access tokens each endpoint issued per grant, so a test can assert "refreshed once". */
final class TokenCounts {

    private final Map<TokenRealm, Map<OAuthGrant, LongAdder>> counts = new ConcurrentHashMap<>();

    void count(TokenRealm realm, OAuthGrant grant) {
        counts.computeIfAbsent(realm, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(grant, g -> new LongAdder()).increment();
    }

    long of(TokenRealm realm, OAuthGrant grant) {
        LongAdder count = counts.getOrDefault(realm, Map.of()).get(grant);
        return count == null ? 0 : count.sum();
    }

    /** Realm to grant wire name to count, every grant listed. */
    Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>();
        for (TokenRealm realm : TokenRealm.values()) {
            Map<OAuthGrant, Long> byGrant = new EnumMap<>(OAuthGrant.class);
            for (OAuthGrant grant : OAuthGrant.values()) {
                byGrant.put(grant, of(realm, grant));
            }
            Map<String, Long> named = new LinkedHashMap<>();
            byGrant.forEach((grant, count) -> named.put(grant.wireName(), count));
            all.put(realm.realm(), named);
        }
        return all;
    }

    void clear() {
        counts.clear();
    }
}
