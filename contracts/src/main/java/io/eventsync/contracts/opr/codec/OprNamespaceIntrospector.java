package io.eventsync.contracts.opr.codec;

import io.eventsync.contracts.opr.OprNamespace;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.dataformat.xml.JacksonXmlAnnotationIntrospector;

/**
 * Puts every element of the OPR model into OMi's namespace when writing XML, without an
 * annotation on each property. Reading ignores namespaces, so documents without one are
 * accepted too.
 */
final class OprNamespaceIntrospector extends JacksonXmlAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    OprNamespaceIntrospector() {
        super(false);
    }

    @Override
    public String findNamespace(MapperConfig<?> config, Annotated ann) {
        String declared = super.findNamespace(config, ann);
        return declared == null || declared.isEmpty() ? OprNamespace.URI : declared;
    }
}
