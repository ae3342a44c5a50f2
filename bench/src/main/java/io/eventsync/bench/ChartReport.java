package io.eventsync.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** benchmarks.png: throughput per scenario beside the limit, and p99 per scenario (XChart, headless). */
final class ChartReport {

    private ChartReport() {
    }

    static void write(BenchReport r, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<ScenarioResult> all = new ArrayList<>();
        all.add(r.limitProducer());
        all.add(r.limitConsumer());
        all.addAll(r.scenarios());
        List<String> names = all.stream().map(ScenarioResult::name).toList();
        List<Double> rates = all.stream().map(s -> zero(s.stats(Iteration::eventsPerSec).median())).toList();
        List<Double> p99 = all.stream().map(s -> zero(s.stats(Iteration::p99Ms).median())).toList();

        CategoryChart throughput = chart("Throughput (median events/s)", "events/s");
        throughput.addSeries("events/s", names, rates);
        CategoryChart latency = chart("p99 latency (median, ms)", "ms");
        latency.addSeries("p99 ms", names, p99);

        // One PNG with both charts stacked: XChart's BitmapEncoder writes a chart list as a grid.
        BitmapEncoder.saveBitmap(List.of(throughput, latency), 2, 1,
                png.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }

    private static CategoryChart chart(String title, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(1000).height(420).title(title).yAxisTitle(yTitle).build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(30);
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setDecimalPattern("#,##0");
        c.getStyler().setChartTitleVisible(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        return c;
    }

    private static double zero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
