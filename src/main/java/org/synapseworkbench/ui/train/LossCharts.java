package org.synapseworkbench.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

import org.synapseworkbench.train.IterationStats;

/**
 * The Training tab's curves: the total loss and each of its terms, and the learning rate, by iteration. A run of
 * any length keeps at most {@link #MAX_POINTS} points a curve: when a curve reaches it, every other point goes and
 * only every second iteration is drawn from then on. The axes move in steps ({@link SteadyAxis}), not every point.
 */
public final class LossCharts {
    /** The charts keep at most this many points per curve; older points are thinned as more arrive. */
    static final int MAX_POINTS = 500;

    private final LineChart<Number, Number> loss = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final LineChart<Number, Number> rate = new LineChart<>(new NumberAxis(), new NumberAxis());
    /** The curves' names in their colours (modena's series colours, in order). */
    private final FlowPane legend = new FlowPane();
    private static final String[] SERIES_COLOURS = {"#f3622d", "#fba71b", "#57b757", "#41a9c9", "#4258c9", "#9a42c8",
        "#c84164", "#888888"};
    private final List<SteadyAxis> axes = List.of(new SteadyAxis((NumberAxis) loss.getXAxis(), true),
            new SteadyAxis((NumberAxis) loss.getYAxis(), false), new SteadyAxis((NumberAxis) rate.getXAxis(), true),
            new SteadyAxis((NumberAxis) rate.getYAxis(), false));
    /** Every iteration of the current run, for redrawing thinned curves. */
    private final List<IterationStats> history = new ArrayList<>();
    /** Only iterations that are multiples of this are drawn; doubles whenever a curve reaches MAX_POINTS. */
    private long stride = 1;

    LossCharts() {
        loss.setTitle("Loss");
        rate.setTitle("Learning rate");
        for (LineChart<Number, Number> chart : List.of(loss, rate)) {
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            chart.getXAxis().setLabel("iteration");
        }
        loss.setPrefHeight(260);
        rate.setPrefHeight(160);
        rate.setLegendVisible(false);
        loss.setLegendVisible(false); // JavaFX drops its legend when the names are wider than the chart: our own wraps
        legend.setHgap(12);
        legend.setVgap(2);
        ((NumberAxis) rate.getYAxis()).setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) { // learning rates are small: 0.0015 or 2.0e-6, not 0
                double v = n.doubleValue();
                return v == 0 ? "0" : String.format(Locale.ROOT, "%.2g", v).replace("e-0", "e-");
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
    }

    public LineChart<Number, Number> loss() {
        return loss;
    }

    LineChart<Number, Number> rate() {
        return rate;
    }

    /** The loss curves' names in their colours, for above the chart. */
    FlowPane legend() {
        return legend;
    }

    /** The last iteration drawn or thinned away, 0 before the first. */
    long lastIteration() {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).iteration();
    }

    /** Starts over for a new run, with the curves of {@code parts} (null: none yet, they come with the run's start). */
    void reset(List<String> parts) {
        history.clear();
        stride = 1;
        axes.forEach(SteadyAxis::reset);
        if (parts != null) {
            show(parts);
        } else {
            loss.getData().clear();
            rate.getData().clear();
        }
    }

    /**
     * Empty curves for the total loss, each of its parts and the learning rate. Curves of the same names are emptied
     * rather than made again: the charts' legends and layout then stay as they are, and so does most of the panel on
     * screen. (The panel shows the curves of its config from the start, so pressing Start repaints little.)
     */
    void show(List<String> parts) {
        List<String> names = new ArrayList<>(List.of("total"));
        names.addAll(parts);
        if (loss.getData().stream().map(XYChart.Series::getName).toList().equals(names) && rate.getData().size() == 1) {
            loss.getData().forEach(c -> c.getData().clear());
            rate.getData().get(0).getData().clear();
            return;
        }
        loss.getData().setAll(names.stream().map(LossCharts::named).toList());
        rate.getData().setAll(List.of(named("learning rate")));
        legend.getChildren().clear();
        for (int i = 0; i < names.size(); i++) {
            Rectangle line = new Rectangle(16, 3, Color.web(SERIES_COLOURS[i % SERIES_COLOURS.length]));
            Label name = new Label(names.get(i), line);
            legend.getChildren().add(name);
        }
    }

    /** Adds an iteration (drawn when it falls on the stride; the curves are thinned when they grow too long). */
    void add(IterationStats s) {
        history.add(s);
        if (s.iteration() % stride == 0) {
            plot(s);
            if (!loss.getData().isEmpty() && loss.getData().get(0).getData().size() > MAX_POINTS) {
                stride *= 2;
                replot();
            }
        }
    }

    private void plot(IterationStats s) {
        if (loss.getData().isEmpty()) {
            return;
        }
        axes.get(0).include(s.iteration());
        axes.get(1).include(s.loss());
        axes.get(2).include(s.iteration());
        axes.get(3).include(s.learningRate());
        loss.getData().get(0).getData().add(new XYChart.Data<>(s.iteration(), s.loss()));
        for (int i = 0; i < s.parts().length && i + 1 < loss.getData().size(); i++) {
            axes.get(1).include(s.parts()[i]);
            loss.getData().get(i + 1).getData().add(new XYChart.Data<>(s.iteration(), s.parts()[i]));
        }
        rate.getData().get(0).getData().add(new XYChart.Data<>(s.iteration(), s.learningRate()));
    }

    private void replot() {
        axes.forEach(SteadyAxis::reset);
        loss.getData().forEach(series -> series.getData().clear());
        rate.getData().forEach(series -> series.getData().clear());
        for (IterationStats s : history) {
            if (s.iteration() % stride == 0) {
                plot(s);
            }
        }
    }

    private static XYChart.Series<Number, Number> named(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }
}
