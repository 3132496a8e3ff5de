package org.synapseworkbench.ui.config;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

import org.synapseworkbench.config.Config;
import org.synapseworkbench.config.ConfigDocument;
import org.synapseworkbench.config.ConfigKey;
import org.synapseworkbench.config.ConfigValidator;
import org.synapseworkbench.config.ConfigYaml;
import org.synapseworkbench.ui.action.Action;
import org.synapseworkbench.work.UserException;
import org.synapseworkbench.workflow.ConfigCheck;

/**
 * The config editor: every key of the config in a form grouped by section (typed editors, a description per key,
 * search), the same config as YAML in a second tab, the validator's problems below, and buttons to open a config
 * over a base and save it (whole, or only what differs from the base) as YAML that PyTC reads.
 */
public final class ConfigPanel {
    /** Origin of values typed into the form, as named in error messages. */
    static final String FORM = "the form";
    private final ObjectProperty<ConfigDocument> document = new SimpleObjectProperty<>();
    private final ObjectProperty<Config> config = new SimpleObjectProperty<>();
    private final List<KeyItem> items = new ArrayList<>();
    private final PropertySheet sheet = new PropertySheet();
    private final TextArea yaml = new TextArea();
    /** True while the YAML tab holds typed text not yet applied. */
    private boolean yamlEdited;
    private final CheckBox onlyChanges = new CheckBox("Save only changes");
    private final Label files = new Label();
    private final Label message = new Label();
    private final ObservableList<ConfigValidator.Problem> problems = FXCollections.observableArrayList();
    private final BorderPane root = new BorderPane();

    /** The order of the form's sections. */
    private static final List<String> SECTION_ORDER = List.of("DATASET", "MODEL", "SOLVER", "INFERENCE", "SYSTEM",
            "MONITOR", "AUGMENTOR");

    public ConfigPanel(ConfigDocument initial) {
        for (ConfigKey key : initial.config().schema().keys().values()) {
            items.add(new KeyItem(key));
        }
        sheet.getItems().setAll(items);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        // what a person sets first comes first (and opens): the data, then the model and its training
        sheet.setCategoryComparator(java.util.Comparator.comparingInt((String c) -> {
            int i = SECTION_ORDER.indexOf(c);
            return i < 0 ? SECTION_ORDER.size() : i;
        }).thenComparing(java.util.Comparator.naturalOrder()));
        sheet.setPropertyEditorFactory(item -> {
            KeyItem k = (KeyItem) item;
            ConfigValueEditor editor = new ConfigValueEditor(k.key, ConfigValidator.choices(k.key.name()), k::trySet);
            // the sheet makes new editors when its filter changes: the old ones must not be kept alive by the item
            ChangeListener<Object> follow = (obs, was, now) -> editor.setValue(now);
            editor.getEditor().getProperties().put(ChangeListener.class, follow);
            k.value.addListener(new WeakChangeListener<>(follow));
            return editor;
        });

        Button apply = new Button("Apply YAML");
        apply.setTooltip(new Tooltip("Read the YAML text into the form (Ctrl+Enter)"));
        apply.setOnAction(e -> applyYaml());
        yaml.setStyle("-fx-font-family: monospace;");
        yaml.textProperty().addListener((obs, was, now) -> yamlEdited = !now.equals(document.get().yaml(onlyChanges.isSelected())));
        yaml.setOnKeyPressed(e -> {
            if (Action.APPLY_YAML.matches(e)) {
                applyYaml();
                e.consume();
            }
        });
        VBox.setVgrow(yaml, Priority.ALWAYS);
        VBox yamlBox = new VBox(6, yaml, apply);
        yamlBox.setPadding(new Insets(4));
        TabPane tabs = new TabPane(new Tab("Form", sheet), new Tab("YAML", yamlBox));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (was != null && was.getContent() == yamlBox && yamlEdited) {
                applyYaml();
            }
        });

        Button open = new Button("Open...");
        open.setTooltip(new Tooltip("Open a YAML config over the current base"));
        open.setOnAction(e -> chooseYaml("Open config").ifPresent(f -> load(document.get().baseFile(), f)));
        Button base = new Button("Base...");
        base.setTooltip(new Tooltip("Choose the base config (PyTC's --config-base); the values you changed are kept"));
        base.setOnAction(e -> chooseYaml("Choose base config").ifPresent(this::changeBase));
        Button save = new Button("Save");
        save.setId("config-save");
        save.setTooltip(new Tooltip("Save to the open file (Ctrl+S), or choose one"));
        save.setOnAction(e -> save());
        Button saveAs = new Button("Save as...");
        saveAs.setOnAction(e -> saveAs());
        onlyChanges.setSelected(true);
        onlyChanges.selectedProperty().addListener((obs, was, now) -> showYaml());
        ToolBar bar = new ToolBar(open, base, save, saveAs, onlyChanges);

        ListView<ConfigValidator.Problem> problemList = new ListView<>(problems);
        problemList.setPrefHeight(90);
        problemList.setPlaceholder(new Label("No problems found"));
        problemList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && now.key() != null) {
                sheet.setTitleFilter(nameOf(now.key()));
            }
        });
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #b00020;");
        files.setWrapText(true);
        VBox top = new VBox(bar, files);
        VBox bottom = new VBox(4, message, problemList);
        bottom.setPadding(new Insets(4));
        files.setPadding(new Insets(2, 6, 2, 6));
        root.setTop(top);
        root.setCenter(tabs);
        root.setBottom(bottom);
        root.setOnKeyPressed(e -> {
            if (Action.SAVE_CONFIG.matches(e)) {
                save();
                e.consume();
            }
        });
        setDocument(initial);
    }

    public Region node() {
        return root;
    }

    /** The config as it stands in the form. */
    public ReadOnlyObjectProperty<Config> configProperty() {
        return config;
    }

    public ConfigDocument document() {
        return document.get();
    }

    /** The message of the last refused change or failed load/save, empty when the last action worked. */
    public Label message() {
        return message;
    }

    PropertySheet sheet() {
        return sheet;
    }

    /** Opens {@code file} over {@code baseFile} (either may be null); a broken file leaves the form as it was. */
    void load(Path baseFile, Path file) {
        try {
            setDocument(ConfigDocument.open(baseFile, file));
            message.setText("");
        } catch (UserException e) {
            message.setText(e.getMessage());
        }
    }

    /** Shows another config document (a restored workspace, say). */
    public void show(ConfigDocument d) {
        setDocument(d);
        message.setText("");
    }

    /** Saves to the open file, or asks for one when the config has none yet. */
    void save() {
        Path file = document.get().file();
        if (file == null) {
            saveAs();
        } else {
            saveTo(file);
        }
    }

    /** Saves as YAML (whole or only the differences from the base, as chosen) and remembers the file. */
    void saveTo(Path file) {
        if (yamlEdited && !applyYaml()) {
            return;
        }
        try {
            setDocument(document.get().save(file, onlyChanges.isSelected()));
            message.setText("");
        } catch (UserException e) {
            message.setText(e.getMessage());
        }
    }

    private void saveAs() {
        FileChooser chooser = yamlChooser("Save config");
        Path file = document.get().file();
        if (file != null && file.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(file.toAbsolutePath().getParent().toFile());
            chooser.setInitialFileName(file.getFileName().toString());
        }
        File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            saveTo(chosen.toPath());
        }
    }

    private void changeBase(Path baseFile) {
        try {
            setDocument(document.get().withBase(baseFile));
            message.setText("");
        } catch (UserException e) {
            message.setText(e.getMessage());
        }
    }

    /** Reads the YAML tab into the form; false (with the reason shown) when the text is not a valid config. */
    private boolean applyYaml() {
        try {
            setDocument(document.get().withYaml(yaml.getText(), "the YAML tab"));
            message.setText("");
            return true;
        } catch (UserException e) {
            message.setText(e.getMessage());
            return false;
        }
    }

    private void setDocument(ConfigDocument d) {
        document.set(d);
        config.set(d.config());
        for (KeyItem item : items) {
            item.value.set(d.config().get(item.key.name()));
        }
        problems.setAll(ConfigCheck.problems(d.config()));
        showYaml();
        files.setText("File: " + (d.file() == null ? "not saved yet (" + sources(d.config()) + ")" : d.file()) + "    Base: "
                + (d.baseFile() == null ? "PyTC defaults" : d.baseFile()));
    }

    /** Where a config's values come from, besides PyTC's defaults: "from the built-in configs/Demo/Demo-Cleft.yaml". */
    private static String sources(Config c) {
        List<String> from = c.values().keySet().stream().map(c::origin).filter(o -> !Config.DEFAULTS.equals(o))
                .distinct().toList();
        return from.isEmpty() ? "PyTC's defaults" : "from " + String.join(", ", from);
    }

    private void showYaml() {
        yaml.setText(document.get().yaml(onlyChanges.isSelected()));
        yamlEdited = false;
    }

    private Optional<Path> chooseYaml(String title) {
        File f = yamlChooser(title).showOpenDialog(window());
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }

    private static FileChooser yamlChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("YAML configs", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** After the name of a key PyTC does not have, so that nobody takes it for one of PyTC's; search finds them all. */
    static final String OWN_KEY_MARK = " (workbench)";

    /** A key's row name: the key without its top section, which is the row's group. */
    static String nameOf(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    /** One config key as a row of the form. */
    private final class KeyItem implements PropertySheet.Item {
        private final ConfigKey key;
        private final ObjectProperty<Object> value = new SimpleObjectProperty<>();

        KeyItem(ConfigKey key) {
            this.key = key;
        }

        /** Sets the key from the form; returns null, or the sentence saying why the value was refused. */
        String trySet(Object typed) {
            try {
                setDocument(document.get().with(key.name(), typed, FORM));
                message.setText("");
                return null;
            } catch (UserException e) {
                message.setText(e.getMessage());
                return e.getMessage();
            }
        }

        @Override
        public Class<?> getType() {
            return Object.class;
        }

        @Override
        public String getCategory() {
            return key.topSection();
        }

        @Override
        public String getName() {
            return nameOf(key.name()) + (key.pytc() ? "" : OWN_KEY_MARK);
        }

        @Override
        public String getDescription() {
            return key.name() + (key.pytc() ? ": " : " (the workbench's own key, not PyTC's; saved only when set): ")
                    + key.description() + " (" + key.type().description() + "; default "
                    + ConfigYaml.formatValue(key.defaultValue()) + ")";
        }

        @Override
        public Object getValue() {
            return value.get();
        }

        @Override
        public void setValue(Object v) {
            trySet(v);
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.of(value);
        }

        @Override
        public Optional<Class<? extends PropertyEditor<?>>> getPropertyEditorClass() {
            return Optional.empty();
        }
    }
}
