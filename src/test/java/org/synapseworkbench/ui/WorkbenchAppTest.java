package org.synapseworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.synapseworkbench.synth.SynthParams;
import org.synapseworkbench.synth.SyntheticEmGenerator;
import org.synapseworkbench.synth.SyntheticVolumeWriter;
import org.synapseworkbench.ui.persist.Workspace;
import org.synapseworkbench.ui.viewer.layer.LabelLayer;
import org.synapseworkbench.ui.viewer.layer.LayerKind;
import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.DataType;
import org.synapseworkbench.volume.Hdf5Writer;

/** The whole application as a newcomer starts it: no data, so the built-in sample is made, then shown. */
class WorkbenchAppTest {

    @Test
    void firstStartMakesTheSampleAndShowsItsFirstSection(@TempDir Path dir) throws Exception {
        Path sample = dir.resolve("synthetic").resolve("sample.h5");
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(WorkbenchApp.class, "--sample=" + sample,
                "--workspace=" + dir.resolve("workspace.properties"));
        try {
            WorkbenchApp workbench = (WorkbenchApp) app;
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.window() != null);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(Files.size(sample) > 0, "the sample is written");
            int sections = SynthParams.SAMPLE_SIZE[0];
            assertEquals(sections, workbench.window().slice().volume().spatialShape()[0]);
            assertTrue(workbench.window().status().getText().startsWith("z 0 of 0 to " + (sections - 1)),
                    workbench.window().status().getText());
            assertEquals(java.util.List.of("clefts", "polarity"), workbench.window().slice().layers().stream()
                    .map(LabelLayer::name).toList(), "the sample's labels are drawn over it");
            java.util.List<javafx.stage.Window> shown = WaitForAsyncUtils.waitForAsyncFx(5000, () -> javafx.stage.Window
                    .getWindows().stream().filter(javafx.stage.Window::isShowing).toList());
            assertEquals(1, shown.size(), "the sample's progress window closed; the workbench opened in a window of its own");
            assertEquals(workbench.window().scene(), ((javafx.stage.Stage) shown.get(0)).getScene());
        } finally {
            FxToolkit.cleanupApplication(app);
        }
        Workspace saved = Workspace.load(dir.resolve("workspace.properties")).orElseThrow();
        assertEquals(sample.toAbsolutePath() + ":" + org.synapseworkbench.volume.Cremi.RAW, saved.image(),
                "closing the window remembers what was open");
    }

    @Test
    void aSavedWorkspaceIsReopenedWithItsConfigAndCheckpoint(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("small.h5");
        SyntheticVolumeWriter.writeCremi(new SyntheticEmGenerator(SynthParams.of(new int[] {6, 64, 64}, 2)).generate(), image);
        // a map of exclusive classes as infer writes it: background 200 / 255 everywhere
        Block classes = Block.zeros(DataType.UINT8, 3, 6, 64, 64);
        for (int i = 0; i < 6 * 64 * 64; i++) {
            classes.setLong(i, 200);
        }
        Path map = dir.resolve("classes.h5");
        new Hdf5Writer().dataset("vol0", classes, java.util.Map.of("channels", "background,pre,post")).write(map);
        // synapses as postprocess writes them: "main" says nothing, the attribute says polarity
        Path synapses = dir.resolve("synapses.h5");
        new Hdf5Writer().dataset("main", Block.zeros(DataType.UINT64, 6, 64, 64), java.util.Map.of("labels", "polarity"))
                .write(synapses);
        Path ws = dir.resolve("ws.properties");
        new Workspace(image + ":" + org.synapseworkbench.volume.Cremi.RAW, java.util.List.of(map + ":vol0",
                synapses + ":main"), null, null,
                "SOLVER:\n  BASE_LR: 0.123\n", "/some/checkpoint_000010.ckpt").save(ws);
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(WorkbenchApp.class, "--sample=" + dir.resolve("unused.h5"),
                "--workspace=" + ws);
        try {
            WorkbenchApp workbench = (WorkbenchApp) app;
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.window() != null);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("small.h5:" + org.synapseworkbench.volume.Cremi.RAW, workbench.window().slice().volume().name());
            assertEquals(0.123, workbench.config().configProperty().get().getDouble("SOLVER.BASE_LR"));
            assertEquals("/some/checkpoint_000010.ckpt", workbench.window().state().checkpointProperty().get());
            assertTrue(Files.notExists(dir.resolve("unused.h5")), "no sample is made when a workspace is reopened");
            LabelLayer probability = workbench.window().state().layers().stream()
                    .filter(l -> l.name().equals("classes.h5:vol0 (synapse probability)")).findFirst().orElseThrow();
            assertEquals(LayerKind.PROBABILITY, probability.kind());
            assertEquals(55, probability.labels().read(new int[] {2, 30, 40}, new int[] {1, 1, 1}).getLong(0),
                    "1 - background, so the Review tab can search it");
            assertEquals(LayerKind.POLARITY, workbench.window().state().layers().stream()
                    .filter(l -> l.name().equals("synapses.h5:main")).findFirst().orElseThrow().kind());
            WaitForAsyncUtils.asyncFx(() -> workbench.config().show(workbench.config().document()
                    .with("SOLVER.ITERATION_TOTAL", 77, "test"))).get();
        } finally {
            FxToolkit.cleanupApplication(app);
        }
        Workspace saved = Workspace.load(ws).orElseThrow();
        assertEquals("SOLVER:\n  ITERATION_TOTAL: 77\n  BASE_LR: 0.123\n", saved.configYaml(), "an unsaved edit is kept");
    }
}
