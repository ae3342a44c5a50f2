package io.eventsync.contracts.ofsc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventFingerprintTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSameEventWithItsFieldsInAnotherOrderHasTheSameFingerprint() {
        String a = EventFingerprint.of(JSON.readTree(
                "{\"eventType\":\"activityUpdated\",\"time\":\"2026-11-25 09:00:00\",\"activityDetails\":{\"activityId\":1,\"status\":\"started\"}}"));
        String b = EventFingerprint.of(JSON.readTree(
                "{\"activityDetails\":{\"status\":\"started\",\"activityId\":1},\"time\":\"2026-11-25 09:00:00\",\"eventType\":\"activityUpdated\"}"));
        assertThat(a).isEqualTo(b).hasSize(22);
    }

    @Test
    void eventsThatDifferInOneValueDiffer() {
        String a = EventFingerprint.of(JSON.readTree("{\"eventType\":\"activityUpdated\",\"activityDetails\":{\"activityId\":1}}"));
        String b = EventFingerprint.of(JSON.readTree("{\"eventType\":\"activityUpdated\",\"activityDetails\":{\"activityId\":2}}"));
        assertThat(a).isNotEqualTo(b);
    }
}
