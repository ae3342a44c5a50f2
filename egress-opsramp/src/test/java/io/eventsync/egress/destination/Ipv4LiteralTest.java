package io.eventsync.egress.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4LiteralTest {

    @ParameterizedTest
    @CsvSource({"0x7f000001, 127.0.0.1", "017700000001, 127.0.0.1", "0177.0.0.1, 127.0.0.1", "0x7f.1, 127.0.0.1",
            "127.1, 127.0.0.1", "2130706433, 127.0.0.1", "0, 0.0.0.0", "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
            "10.0.0.1, 10.0.0.1", "0x7f.0.0.1, 127.0.0.1", "169.254.43518, 169.254.169.254"})
    void everyFormInetAtonTakesIsReadAsInetAtonReadsIt(String host, String address) {
        assertThat(Ipv4Literal.asInetAton(host).map(InetAddress::getHostAddress)).contains(address);
        assertThat(Ipv4Literal.endsInANumber(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x7f000001", "0177.0.0.1", "127.1", "2130706433", "0", "127.000.0.1", "256.1.1.1",
            "1.2.3.4.5", "08.0.0.1"})
    void onlyFourDecimalNumbersWithoutLeadingZerosAreCanonical(String host) {
        assertThat(Ipv4Literal.canonical(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08.0.0.1", "1.2.3.4.5", "256.0.0.1", "4294967296", "1.2.65536"})
    void whatInetAtonRefusesIsNoAddress(String host) {
        assertThat(Ipv4Literal.asInetAton(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "0x7f.example", "api-1.example.com", "1a"})
    void aHostThatEndsInANameIsAName(String host) {
        assertThat(Ipv4Literal.endsInANumber(host)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, 127.0.0.1", "0.0.0.0, 0.0.0.0", "93.184.216.34, 93.184.216.34"})
    void aDottedQuadIsItsAddress(String host, String address) {
        assertThat(Ipv4Literal.canonical(host).map(InetAddress::getHostAddress)).contains(address);
    }
}
