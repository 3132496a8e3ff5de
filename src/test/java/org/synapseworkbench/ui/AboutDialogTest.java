package org.synapseworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help > About shows what doctor prints for the window's own process, and Copy puts it on the clipboard. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("owner"), 300, 200));
        stage.show();
    }

    @Test
    void theDialogShowsTheLibtorchAndWhyThereIsNoGpu(FxRobot robot) throws Exception {
        robot.interact(() -> AboutDialog.show(stage));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#about-libtorch").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        String libtorch = robot.lookup("#about-libtorch").queryAs(Label.class).getText();
        assertTrue(libtorch.startsWith("2.7.1 cpu, the CPU libtorch in the program's libraries"), libtorch);
        String gpu = robot.lookup("#about-gpu").queryAs(Label.class).getText();
        assertTrue(gpu.startsWith("none used: this libtorch is a CPU build"), gpu);
        robot.clickOn("Copy");
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
        assertTrue(copied.startsWith("Program:") && copied.contains("libtorch:    " + libtorch), copied);
    }
}
