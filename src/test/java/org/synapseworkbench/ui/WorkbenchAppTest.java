package org.synapseworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synapseworkbench.synth.SynthParams;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole application as a newcomer starts it: no data, so the built-in sample is made, then shown. */
class WorkbenchAppTest {

    @Test
    void firstStartMakesTheSampleAndShowsItsFirstSection(@TempDir Path dir) throws Exception {
        Path sample = dir.resolve("synthetic").resolve("sample.h5");
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(WorkbenchApp.class, "--sample=" + sample);
        try {
            WorkbenchApp workbench = (WorkbenchApp) app;
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.window() != null);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(Files.size(sample) > 0, "the sample is written");
            int sections = SynthParams.SAMPLE_SIZE[0];
            assertEquals(sections, workbench.window().slice().volume().spatialShape()[0]);
            assertTrue(workbench.window().status().getText().startsWith("section 1 of " + sections),
                    workbench.window().status().getText());
            assertEquals(java.util.List.of("clefts", "polarity"), workbench.window().slice().layers().stream()
                    .map(LabelLayer::name).toList(), "the sample's labels are drawn over it");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }
}
