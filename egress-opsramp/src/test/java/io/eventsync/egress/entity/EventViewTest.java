package io.eventsync.egress.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventViewTest {

    private static final EventView VIEW = new EventView(JsonMapper.builder().build().readTree("""
            {"subject": "lower", "Subject": "exact", "time_created": "t",
             "node_ref": {"node": {"primary_dns_name": "db01.example.com"}},
             "custom_attribute_list": {"custom_attribute": [{"name": "team", "value": "dba"}]},
             "activityDetails": {"activityId": 4225269}}"""));

    @Test
    void namesMatchForgivingCaseUnderscoresAndDashesButAnExactNameWins() {
        assertThat(VIEW.text("Subject")).contains("exact");
        assertThat(VIEW.text("SUBJECT")).contains("lower");
        assertThat(VIEW.text("timeCreated")).contains("t");
        assertThat(VIEW.text("time-created")).contains("t");
        assertThat(VIEW.text("activity_details.activity_id")).contains("4225269");
    }

    @Test
    void pathsGoThroughObjectsAndArrayIndexes() {
        assertThat(VIEW.text("node_ref.node.primary_dns_name")).contains("db01.example.com");
        assertThat(VIEW.text("custom_attribute_list.custom_attribute.0.value")).contains("dba");
        assertThat(VIEW.text("custom_attribute_list.custom_attribute.1.value")).isEmpty();
        assertThat(VIEW.text("node_ref.node")).contains("{\"primary_dns_name\":\"db01.example.com\"}");
    }

    @Test
    void aMissingOrMalformedPathFindsNothing() {
        assertThat(VIEW.text("impact")).isEmpty();
        assertThat(VIEW.text("subject.name")).isEmpty();
        assertThat(VIEW.text("node_ref..node")).isEmpty();
        assertThat(VIEW.text("")).isEmpty();
    }
}
