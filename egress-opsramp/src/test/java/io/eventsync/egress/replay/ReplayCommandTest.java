package io.eventsync.egress.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void withoutARouteItRefusesToRunAndSaysWhichOptionIsMissing() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--route=ID'");
    }

    @Test
    void aTimeThatIsNotAnInstantIsABadOptionNamingTheValue() {
        assertThat(run("--route", "r", "--since", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--since").contains("yesterday");
    }

    @Test
    void helpListsEverySelectionAndTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--route", "--status", "--source-topic", "--key", "--since", "--until",
                "--dry-run", "--client-config", "Exit codes:");
    }

    @Test
    void anUnreachableBrokerIsAFailureWithinTheTimeoutNotAHang() {
        assertThat(run("--route", "r", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "PT2S")).isEqualTo(1);
        assertThat(err.toString()).startsWith("replay failed: ");
    }

    private int run(String... args) {
        return ReplayCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), List.of(args));
    }
}
