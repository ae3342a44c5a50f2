package io.eventsync.egress.syncback;

import io.eventsync.egress.config.SyncBackClientProperties;
import io.eventsync.egress.delivery.PipelineRunner;
import io.eventsync.egress.delivery.RecordSource;
import io.eventsync.egress.delivery.RoutePipeline;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * Runs the sync-back client: one pipeline reading {@code opr.sync-back} in its own consumer group,
 * delivering each change to OMi with the same rules as every route (at-least-once, in order per
 * event, retries, dead letters on {@code egress.dlq} with route {@code sync-back}).
 */
public final class SyncBackRuntime implements SmartLifecycle {

    /** The sync-back client's name in metrics and dead letters (where routes put their id). */
    public static final String ID = "sync-back";
    private static final Logger log = LoggerFactory.getLogger(SyncBackRuntime.class);

    private final SyncBackClientProperties properties;
    private final PipelineRunner runner;
    private final RoutePipeline<SyncBackItem> pipeline;
    private Disposable running;

    public SyncBackRuntime(SyncBackClientProperties properties, PipelineRunner runner,
                           RoutePipeline<SyncBackItem> pipeline) {
        this.properties = properties;
        this.runner = runner;
        this.pipeline = pipeline;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    @Override
    public synchronized void start() {
        log.info("Sync-back: changes from {} to OMi connected server(s) {} (group {})", properties.topic(),
                properties.connectedServers().stream().map(SyncBackClientProperties.ConnectedServer::name).toList(),
                properties.group());
        // Changes were acknowledged to whoever sent them: on a first start, none may be skipped.
        running = runner.run(ID, properties.group(), List.of(properties.topic()), RecordSource.Start.EARLIEST,
                record -> true, pipeline);
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            runner.stopped(ID);
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}
