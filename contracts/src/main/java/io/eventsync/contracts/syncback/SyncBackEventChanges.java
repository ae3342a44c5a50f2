package io.eventsync.contracts.syncback;

import io.eventsync.contracts.opr.Annotation;
import io.eventsync.contracts.opr.ChangeOperation;
import io.eventsync.contracts.opr.ChangedProperties;
import io.eventsync.contracts.opr.CustomAttribute;
import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.PropertyChange;
import io.eventsync.contracts.opr.codec.OprCodec;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sync-back change as the OMi event change OMi's Event Synchronization Web Service takes
 * (../shared/design/PROTOCOLS.md): one typed {@code <property>_property_change} per changed
 * property, in a fixed order; custom attributes as {@code update}, annotations as {@code add}.
 * {@code event_ref} names the OMi event ({@code id}, {@code target_id}) and eventsync's own id for
 * it ({@code target_global_id}).
 */
public final class SyncBackEventChanges {

    private final JsonMapper json;

    public SyncBackEventChanges() {
        this(OprCodec.withDefaults());
    }

    public SyncBackEventChanges(OprCodec codec) {
        this.json = codec.jsonMapper();
    }

    public OprEventChange toEventChange(SyncBackChange change, String omiEventId) {
        SyncBackProperties p = change.changes();
        List<PropertyChange> changes = new ArrayList<>();
        if (p != null) {
            add(changes, "state", p.state());
            add(changes, "severity", p.severity());
            add(changes, "priority", p.priority());
            add(changes, "title", p.title());
            add(changes, "description", p.description());
            add(changes, "assigned_user", p.assignedUser());
            add(changes, "assigned_group", p.assignedGroup());
            for (CustomAttribute attribute : p.customAttributes()) {
                changes.add(new PropertyChange(PropertyChange.elementFor("custom_attribute"), "custom_attribute",
                        node(attribute), null, ChangeOperation.UPDATE));
            }
            for (Annotation annotation : p.annotations()) {
                changes.add(new PropertyChange(PropertyChange.elementFor("annotation"), "annotation",
                        node(annotation), null, ChangeOperation.ADD));
            }
        }
        return new OprEventChange(change.changeId(), null,
                new EventRef(omiEventId, null, omiEventId, change.externalId()), new ChangedProperties(changes), null);
    }

    private void add(List<PropertyChange> changes, String property, Object value) {
        if (value != null) {
            changes.add(new PropertyChange(PropertyChange.elementFor(property), property, node(value), null, null));
        }
    }

    private JsonNode node(Object value) {
        return json.valueToTree(value);
    }
}
