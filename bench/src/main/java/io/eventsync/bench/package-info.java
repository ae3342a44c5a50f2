/**
 * The benchmark harness: Kafka's own perf tools measure the limit, then each app runs against the
 * same broker in the same run, and the report states each app's rate as a ratio to that limit.
 */
package io.eventsync.bench;
