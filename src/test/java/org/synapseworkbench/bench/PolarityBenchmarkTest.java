package org.synapseworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.synapseworkbench.eval.MatchScores;
import org.synapseworkbench.eval.PolarityScores;

class PolarityBenchmarkTest {
    private static MatchScores m(long tp, long fp, long fn) {
        return new MatchScores(tp, fp, fn, 0.5);
    }

    /** Hand values: F1 = 2 TP / (2 TP + FP + FN); a run without any instance of a kind has no F1 and is left out. */
    @Test
    void theSpreadOverTrainingRunsIsTheMeanAndRangeOfEachPooledF1() {
        Map<String, List<PolarityScores>> runs = new LinkedHashMap<>();
        runs.put("validation  noise,drift  0.50 thresholds", List.of(
                new PolarityScores(m(8, 2, 2), m(0, 0, 10), m(0, 0, 0)),
                new PolarityScores(m(6, 4, 4), m(5, 5, 5), m(10, 0, 0)),
                new PolarityScores(m(7, 3, 3), m(1, 3, 2), m(0, 0, 0))));
        runs.put("test        all          0.50 larger", List.of(
                new PolarityScores(m(1, 0, 0), m(0, 0, 0), m(0, 0, 0)),
                new PolarityScores(m(1, 1, 0), m(0, 0, 0), m(0, 0, 0)),
                new PolarityScores(m(0, 1, 1), m(0, 0, 0), m(0, 0, 0))));
        StringWriter text = new StringWriter();
        PolarityBenchmark.spread(new PrintWriter(text), List.of(1L, 2L, 3L), runs);
        String[] lines = text.toString().split("\n");
        assertEquals("Over 3 training runs (seeds 1, 2, 3): pooled F1 mean (min-max)", lines[0]);
        // synapse .8, .6, .7; pre 0, .5, 2/7; post only the second run: 1
        assertEquals("validation  noise,drift  0.50 thresholds        0.70 (0.60-0.80)  0.26 (0.00-0.50)  1.00 (1.00-1.00)",
                lines[2]);
        // synapse 1, 2/3, 0; no pre or post anywhere
        assertEquals("test        all          0.50 larger            0.56 (0.00-1.00)  -                 -", lines[3]);
    }
}
