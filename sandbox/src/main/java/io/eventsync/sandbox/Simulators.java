package io.eventsync.sandbox;

import io.eventsync.sandbox.ofsc.OfscSimulator;
import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import io.eventsync.sandbox.omi.OmiSimulator;
import io.eventsync.sandbox.omi.OmiSimulatorSettings;
import io.eventsync.sandbox.receiver.ReceiverSimulator;
import io.eventsync.sandbox.receiver.ReceiverSimulatorSettings;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The three simulators without the broker and the apps, for running the real apps elsewhere
 * (docker-compose.yml): OFSC (generating from the start), the receiver, and OMi forwarding to the
 * gateway at {@code GATEWAY_URL} when set. Same variables as the sandbox ({@code OFSC_*},
 * {@code RECEIVER_*}, {@code OMI_SIM_PORT}, {@code OMI_CONNECTED_SERVER_NAME}/{@code _PASSWORD}).
 * Started with {@code -Dloader.main=io.eventsync.sandbox.Simulators} on the sandbox jar.
 */
public final class Simulators {

    private static final Logger log = LoggerFactory.getLogger(Simulators.class);

    private Simulators() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        SandboxSettings settings = SandboxSettings.fromEnvironment(env);
        Deque<AutoCloseable> started = new ArrayDeque<>();
        OfscSimulator ofsc = OfscSimulator.start(OfscSimulatorSettings.fromEnvironment(env));
        started.push(ofsc);
        ofsc.startGenerating();
        started.push(ReceiverSimulator.start(ReceiverSimulatorSettings.fromEnvironment(env)));
        OmiSimulatorSettings.Builder omi = OmiSimulatorSettings.builder().port(settings.omiPort())
                .connectedServers(Map.of(settings.connectedServerName(), settings.connectedServerPassword()));
        String gateway = env.get("GATEWAY_URL");
        if (gateway != null && !gateway.isBlank()) {
            omi.gatewayUrl(URI.create(gateway));
        }
        started.push(OmiSimulator.start(omi.build()));
        log.info("Simulators ready: OFSC on {}, receiver on {}, OMi on {}", ofsc.baseUrl(),
                settings.receiver().port(), settings.omiPort());
        CountDownLatch stopped = new CountDownLatch(1);
        for (String signal : List.of("INT", "TERM")) {
            Signal.handle(new Signal(signal), received -> {
                while (!started.isEmpty()) {
                    try {
                        started.pop().close();
                    } catch (Exception e) {
                        log.warn("A simulator did not close cleanly", e);
                    }
                }
                stopped.countDown();
                System.exit(0);
            });
        }
        stopped.await();
    }
}
