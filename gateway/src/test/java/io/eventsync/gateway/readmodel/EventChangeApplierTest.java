package io.eventsync.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventChangeApplierTest {

    private final OprCodec codec = OprCodec.withDefaults();
    private final EventChangeApplier applier = new EventChangeApplier(codec.jsonMapper());
    private final OprEvent event = OprEvent.of("e-1", "Disk full", Severity.MAJOR);

    @Test
    void scalarPropertiesTakeTheirCurrentValueInDocumentOrder() {
        OprEvent changed = applier.apply(event, change("{\"changed_properties\":{"
                + "\"state_property_change\":{\"property_name\":\"state\",\"current_value\":\"in_progress\"},"
                + "\"severity_property_change\":[{\"property_name\":\"severity\",\"current_value\":\"minor\"},"
                + "{\"property_name\":\"severity\",\"current_value\":\"critical\"}]}}"));

        assertThat(changed.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(changed.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(changed.title()).isEqualTo("Disk full");
    }

    @Test
    void annotationsAreAddedUpdatedAndRemovedByIdSoReapplyingIsHarmless() {
        OprEventChange add = change("{\"changed_properties\":{\"annotation_property_change\":{\"property_name\":"
                + "\"annotation\",\"change_operation\":\"add\",\"current_value\":{\"annotation\":{\"id\":\"a1\","
                + "\"text\":\"first\"}}}}}");
        OprEvent once = applier.apply(event, add);
        OprEvent twice = applier.apply(once, add);
        assertThat(twice.annotationList().annotation()).hasSize(1);

        OprEvent updated = applier.apply(twice, change("{\"changed_properties\":{\"annotation_property_change\":"
                + "{\"property_name\":\"annotation\",\"change_operation\":\"update\",\"current_value\":"
                + "{\"id\":\"a1\",\"text\":\"edited\"}}}}"));
        assertThat(updated.annotationList().annotation()).singleElement()
                .satisfies(a -> assertThat(a.text()).isEqualTo("edited"));

        OprEvent removed = applier.apply(updated, change("{\"changed_properties\":{\"annotation_property_change\":"
                + "{\"property_name\":\"annotation\",\"change_operation\":\"remove\",\"previous_value\":"
                + "{\"id\":\"a1\"}}}}"));
        assertThat(removed.annotationList().annotation()).isEmpty();
    }

    @Test
    void customAttributesAreMatchedByName() {
        OprEvent changed = applier.apply(event, change("{\"changed_properties\":{\"custom_attribute_property_change\":"
                + "[{\"property_name\":\"custom_attribute\",\"change_operation\":\"add\",\"current_value\":"
                + "{\"custom_attribute\":{\"name\":\"Ticket\",\"value\":\"INC1\"}}},"
                + "{\"property_name\":\"custom_attribute\",\"change_operation\":\"update\",\"current_value\":"
                + "{\"custom_attribute\":{\"name\":\"Ticket\",\"value\":\"INC2\"}}}]}}"));

        assertThat(changed.customAttributeList().customAttribute()).singleElement()
                .satisfies(a -> assertThat(a.value()).isEqualTo("INC2"));
    }

    @Test
    void aValueOfTheWrongKindNamesTheOffendingChange() {
        assertThatThrownBy(() -> applier.apply(event, change("{\"changed_properties\":{"
                + "\"title_property_change\":{\"property_name\":\"title\",\"current_value\":\"ok\"},"
                + "\"severity_property_change\":{\"property_name\":\"severity\",\"current_value\":\"huge\"}}}")))
                .isInstanceOfSatisfying(ChangeNotApplicableException.class,
                        e -> assertThat(e.changeIndex()).isEqualTo(1));
    }

    @Test
    void theIdCannotBeChanged() {
        assertThatThrownBy(() -> applier.apply(event, change("{\"changed_properties\":{\"string_property_change\":"
                + "{\"property_name\":\"id\",\"current_value\":\"other\"}}}")))
                .isInstanceOf(ChangeNotApplicableException.class);
    }

    private OprEventChange change(String json) {
        return (OprEventChange) codec.read(json.getBytes(StandardCharsets.UTF_8), OprFormat.JSON,
                Expect.EVENT_CHANGES);
    }
}
