package io.eventsync.contracts.opr.codec;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WriterConfig;
import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.ctc.wstx.sw.XmlWriter;
import javax.xml.stream.XMLOutputFactory;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * Writes XML that XML 1.0 readers (OMi, and this codec) accept whatever the text holds: every
 * character XML 1.0 cannot carry becomes U+FFFD. Documents that arrived as JSON legitimately
 * hold such characters, and a writer that threw on them would stop their egress to OMi.
 *
 * <p>{@link XmlCharacterReplacingWriter} does the replacing, for all of them. Woodstox's own
 * replacing handler is not enough: it is never asked about U+FFFE and U+FFFF (it writes
 * {@code &#xfffe;}, a reference no XML 1.0 reader takes) nor about unpaired surrogates (its UTF-8
 * encoder throws), and in Woodstox 7.1 its {@code writeCharacters(String)} path, once it has
 * replaced a control, replaces every later carriage return in that text too. The handler stays
 * set as a backstop for text the writer does not see, so that nothing Woodstox writes can throw.
 */
final class SafeXmlOutput {

    static final char REPLACEMENT = '\uFFFD';

    private SafeXmlOutput() {
    }

    static XMLOutputFactory factory() {
        WstxOutputFactory factory = new WstxOutputFactory() {
            @Override
            protected XMLStreamWriter2 createSW(String encoding, WriterConfig config, XmlWriter writer) {
                return new XmlCharacterReplacingWriter(super.createSW(encoding, config, writer));
            }
        };
        factory.setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
                new InvalidCharHandler.ReplacingHandler(REPLACEMENT));
        return factory;
    }
}
