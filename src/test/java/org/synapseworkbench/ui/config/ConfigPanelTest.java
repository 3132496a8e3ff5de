package org.synapseworkbench.ui.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.synapseworkbench.config.ConfigDocument;

/** The config form in a real window: typed values go into the config and into the saved YAML. */
@ExtendWith(ApplicationExtension.class)
class ConfigPanelTest {
    @TempDir
    static Path dir;
    private ConfigPanel panel;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = Files.writeString(Files.createTempFile(dir, "config", ".yaml"), "SOLVER:\n  BASE_LR: 0.01\n");
        panel = new ConfigPanel(ConfigDocument.open(null, file));
        stage.setScene(new Scene(panel.node(), 900, 700));
        stage.show();
    }

    /** The editor of a key, after filtering the form down to it. */
    private Node editor(FxRobot robot, String key) {
        robot.interact(() -> panel.sheet().setTitleFilter(ConfigPanel.nameOf(key)));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(n -> key.equals(n.getUserData())).query();
    }

    @Test
    void aValueTypedInTheFormIsInTheSavedYaml(FxRobot robot) throws Exception {
        Node lr = editor(robot, "SOLVER.BASE_LR");
        assertEquals("0.01", ((TextField) lr).getText());
        robot.doubleClickOn(lr).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("0.005").type(KeyCode.ENTER);
        assertEquals(0.005, panel.configProperty().get().getDouble("SOLVER.BASE_LR"));
        robot.clickOn("#config-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("SOLVER:\n  BASE_LR: 0.005\n", Files.readString(file), "only what differs from the defaults");
        assertEquals(0.005, ConfigDocument.open(null, file).config().getDouble("SOLVER.BASE_LR"));
        assertEquals("", panel.message().getText());
    }

    @Test
    void aWrongValueIsRefusedWithTheReasonAndTheOldValueStays(FxRobot robot) {
        Node total = editor(robot, "SOLVER.ITERATION_TOTAL");
        robot.doubleClickOn(total).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("many").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.message().getText().startsWith("the form: SOLVER.ITERATION_TOTAL "), panel.message().getText());
        assertTrue(total.getStyleClass().contains(ConfigValueEditor.INVALID));
        assertEquals(40000, panel.configProperty().get().getInt("SOLVER.ITERATION_TOTAL"), "PyTC's default stays");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("40000", ((TextField) total).getText(), "Escape shows the value again");
        assertFalse(total.getStyleClass().contains(ConfigValueEditor.INVALID));
    }

    @Test
    void choicesComeFromAListAndTheYamlTabFollowsTheForm(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<String> norm = (ComboBox<String>) editor(robot, "MODEL.NORM_MODE");
        assertEquals("bn", norm.getValue());
        robot.interact(() -> norm.getSelectionModel().select("gn"));
        assertEquals("gn", panel.configProperty().get().getString("MODEL.NORM_MODE"));
        robot.clickOn("YAML");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea yaml = robot.lookup(".text-area").query();
        assertEquals("MODEL:\n  NORM_MODE: gn\nSOLVER:\n  BASE_LR: 0.01\n", yaml.getText());
        robot.interact(() -> yaml.setText("MODEL:\n  NORM_MODE: in\n"));
        robot.clickOn("Form");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("in", panel.configProperty().get().getString("MODEL.NORM_MODE"), "leaving the tab applies the text");
        assertEquals(0.001, panel.configProperty().get().getDouble("SOLVER.BASE_LR"), 1e-12,
                "a key the text dropped is back to its default");
    }

    @Test
    void theWorkbenchsOwnKeysAreMarkedAndFoundTogether(FxRobot robot) {
        robot.interact(() -> panel.sheet().setTitleFilter("workbench"));
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Set<Object> shown = robot.lookup(n -> n.getUserData() instanceof String s && s.contains("."))
                .queryAll().stream().map(Node::getUserData).collect(java.util.stream.Collectors.toSet());
        assertEquals(java.util.Set.of("DATASET.NORMALIZE_SECTIONS"), shown, "PyTC's keys carry no mark");
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.Label l
                && "NORMALIZE_SECTIONS (workbench)".equals(l.getText())).tryQuery().isPresent(), "the row says it");
    }
}
