package org.synapseworkbench.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The loss curves are named in their colours, and small learning rates read as numbers, not as 0. */
@ExtendWith(ApplicationExtension.class)
class LossChartsTest {
    @Test
    void theLegendNamesEveryCurveAndRatesKeepTheirDigits(FxRobot robot) {
        LossCharts charts = new LossCharts();
        robot.interact(() -> charts.show(List.of("0/WeightedBCEWithLogitsLoss", "0/DiceLoss")));
        assertEquals(List.of("total", "0/WeightedBCEWithLogitsLoss", "0/DiceLoss"),
                charts.legend().getChildren().stream().map(n -> ((Label) n).getText()).toList());
        var format = ((NumberAxis) charts.rate().getYAxis()).getTickLabelFormatter();
        assertEquals("0", format.toString(0));
        assertEquals("0.0015", format.toString(0.0015));
        assertEquals("2.0e-6", format.toString(2e-6));
    }
}
