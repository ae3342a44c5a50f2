package io.eventsync.contracts.syncback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.Annotation;
import io.eventsync.contracts.opr.CustomAttribute;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprUser;
import io.eventsync.contracts.opr.Priority;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SyncBackChangeTest {

    private final SyncBackSerde serde = new SyncBackSerde();
    private final OprCodec codec = OprCodec.withDefaults();

    @Test
    void theDocumentedExampleReadsAndWritesBackUnchanged() {
        String documented = "{\"schema\":\"eventsync.opr-sync-back/v1\",\"external_id\":\"ext-1\",\"change_id\":\"c-1\","
                + "\"changes\":{\"state\":\"closed\",\"priority\":\"high\",\"assigned_user\":{\"login_name\":\"ops\"},"
                + "\"custom_attributes\":[{\"name\":\"ticket\",\"value\":\"INC-7\"}],"
                + "\"annotations\":[{\"author\":\"ops\",\"text\":\"fixed\"}]},"
                + "\"changed_at\":\"2026-12-01T10:00:00Z\",\"origin\":\"servicedesk\"}";
        SyncBackChange change = serde.read(documented.getBytes(StandardCharsets.UTF_8));
        assertThat(change.changes().state()).isEqualTo(State.CLOSED);
        assertThat(change.changes().closes()).isTrue();
        assertThat(new String(serde.write(change), StandardCharsets.UTF_8)).isEqualTo(documented);
    }

    @Test
    void unknownFieldsAreIgnoredAndAMissingExternalIdIsRefused() {
        assertThat(serde.read("{\"external_id\":\"e\",\"later\":1,\"changes\":{\"title\":\"t\",\"x\":2}}"
                .getBytes(StandardCharsets.UTF_8)).changes().title()).isEqualTo("t");
        assertThatThrownBy(() -> serde.read("{\"changes\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("external_id");
        assertThatThrownBy(() -> serde.read("{\"external_id\":\"e\",\"changes\":{\"state\":\"gone\"}}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SerializationException.class);
    }

    @Test
    void aValueThatIsNotWellFormedUtf8IsASerializationException() {
        // {"external_id":"e/x"} with the '/' as the overlong C0 AF: the codec's mapper refuses it before parsing.
        byte[] overlong = {'{', '"', 'e', 'x', 't', 'e', 'r', 'n', 'a', 'l', '_', 'i', 'd', '"', ':', '"', 'e',
                (byte) 0xC0, (byte) 0xAF, 'x', '"', '}'};

        assertThatThrownBy(() -> serde.read(overlong))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not well-formed UTF-8");
    }

    @Test
    void theOmiEventChangeHasOneTypedPropertyChangePerChangedPropertyAndReadsBack() {
        SyncBackChange change = SyncBackChange.of("ext-1", "c-1", new SyncBackProperties(State.RESOLVED, null,
                Priority.HIGH, "new title", null, new OprUser(null, "ops", null), null,
                List.of(new CustomAttribute("ticket", "INC-7")), List.of(new Annotation(null, "ops", null, "fixed"))));
        OprEventChange eventChange = new SyncBackEventChanges().toEventChange(change, "omi-1");

        String xml = codec.writeString(eventChange, OprFormat.XML);
        assertThat(xml).contains("<state_property_change>", "<current_value>resolved</current_value>",
                "<priority_property_change>", "<title_property_change>", "<assigned_user_property_change>",
                "<custom_attribute_property_change>", "<change_operation>update</change_operation>",
                "<annotation_property_change>", "<change_operation>add</change_operation>", "<target_id>omi-1</target_id>",
                "<target_global_id>ext-1</target_global_id>");
        OprEventChange read = (OprEventChange) codec.read(xml.getBytes(StandardCharsets.UTF_8), OprFormat.XML,
                OprCodec.Expect.EVENT_CHANGES);
        assertThat(read.changedProperties().changes()).extracting(p -> p.propertyName())
                .containsExactly("state", "priority", "title", "assigned_user", "custom_attribute", "annotation");
        assertThat(read.eventRef().targetId()).isEqualTo("omi-1");
    }
}
