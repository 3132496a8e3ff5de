package org.synapseworkbench.ui.config;

import java.util.List;
import java.util.function.Function;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

import org.controlsfx.property.editor.PropertyEditor;

import org.synapseworkbench.config.ConfigKey;
import org.synapseworkbench.config.ConfigYaml;
import org.synapseworkbench.config.PyLiteral;
import org.synapseworkbench.config.ValueType;

/**
 * The editor of one config key in the form: a check box for True/False, a drop-down for keys with fixed choices, and
 * otherwise a text field that takes what YAML would ({@code 0.01}, {@code [17, 129, 129]}, {@code None}), committed
 * by Enter or by leaving the field and reverted by Escape. A value the key cannot take leaves the old value in place
 * and marks the field, with the reason as its tooltip.
 */
public final class ConfigValueEditor implements PropertyEditor<Object> {
    /** Style class of an editor whose last typed value was refused. */
    static final String INVALID = "config-invalid";
    private final ConfigKey key;
    /** Tries a value; returns null when the key took it, else the sentence saying why not. */
    private final Function<Object, String> commit;
    /** The editing control; its user data is the key's name, so an editor can be found by key. */
    private final Control node;
    private Object value;

    ConfigValueEditor(ConfigKey key, List<String> choices, Function<Object, String> commit) {
        this.key = key;
        this.commit = commit;
        if (key.type() == ValueType.BOOL) {
            CheckBox box = new CheckBox();
            box.setOnAction(e -> tryCommit(box.isSelected()));
            node = box;
        } else if (!choices.isEmpty()) {
            ComboBox<String> combo = new ComboBox<>();
            combo.getItems().setAll(choices);
            combo.setOnAction(e -> {
                if (combo.getValue() != null && !combo.getValue().equals(value)) {
                    tryCommit(combo.getValue());
                }
            });
            node = combo;
        } else {
            TextField field = new TextField();
            field.setOnAction(e -> tryCommit(parse(field.getText())));
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now && !field.getText().equals(format(value))) {
                    tryCommit(parse(field.getText()));
                }
            });
            field.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    setValue(value);
                    e.consume();
                }
            });
            node = field;
        }
        node.setUserData(key.name());
    }

    private void tryCommit(Object typed) {
        String problem = commit.apply(typed);
        if (problem == null) {
            node.getStyleClass().remove(INVALID);
            node.setTooltip(null);
        } else {
            if (!node.getStyleClass().contains(INVALID)) {
                node.getStyleClass().add(INVALID);
            }
            node.setTooltip(new Tooltip(problem));
        }
    }

    /** Text as the key's type reads it: strings stay strings (None means no value), the rest are Python literals. */
    private Object parse(String text) {
        String t = text.trim();
        if (t.equals("None")) {
            return null;
        }
        if (key.type() == ValueType.STR) {
            return text;
        }
        if (key.type() == ValueType.PATHS) {
            return t.startsWith("[") ? PyLiteral.parseOrString(t) : t;
        }
        return t;
    }

    private String format(Object v) {
        if (v instanceof String s && (key.type() == ValueType.STR || key.type() == ValueType.PATHS)) {
            return s;
        }
        return ConfigYaml.formatValue(v);
    }

    @Override
    public Node getEditor() {
        return node;
    }

    @Override
    public Object getValue() {
        return value;
    }

    @Override
    public void setValue(Object v) {
        value = v;
        if (node instanceof CheckBox box) {
            box.setSelected(Boolean.TRUE.equals(v));
        } else if (node instanceof ComboBox<?>) {
            @SuppressWarnings("unchecked")
            ComboBox<String> combo = (ComboBox<String>) node;
            if (v != null && !combo.getItems().contains(v.toString())) {
                combo.getItems().add(v.toString());
            }
            combo.setValue(v == null ? null : v.toString());
        } else {
            ((TextField) node).setText(format(v));
        }
        node.getStyleClass().remove(INVALID);
        node.setTooltip(null);
    }
}
