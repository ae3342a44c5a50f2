package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code annotation_list}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnnotationList(@JsonProperty("annotation") List<Annotation> annotation) {
    public AnnotationList {
        annotation = annotation == null ? List.of() : List.copyOf(annotation);
    }
}
