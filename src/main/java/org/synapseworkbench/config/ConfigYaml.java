package org.synapseworkbench.config;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import org.synapseworkbench.work.AtomicFiles;
import org.synapseworkbench.work.UserException;

/**
 * Reads PyTC YAML configs onto a {@link Config} and writes configs back as YAML that PyTC (yacs) reads: nested
 * sections, lists in flow style, Python's None/True/False.
 */
public final class ConfigYaml {
    private static final Set<String> RESERVED = Set.of("none", "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n");

    private ConfigYaml() {
    }

    /** Merges the keys a YAML file sets onto {@code base}. */
    public static Config merge(Config base, Path file) {
        String text;
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UserException("Config file '" + file + "' is not a regular file (a folder, named pipe or device); "
                    + "give the path of a YAML file.");
        }
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException("Config file '" + file + "' does not exist; check the path.");
        } catch (IOException e) {
            throw new UserException("Config file '" + file + "' cannot be read (" + e.getMessage() + "); check it.");
        }
        return mergeText(base, text, file.toString());
    }

    /** Merges YAML text; {@code origin} names it in error messages. */
    public static Config mergeText(Config base, String text, String origin) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            throw new UserException(origin + " is not valid YAML (" + e.getProblem() + (m != null ? " at line "
                    + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) : "") + "); fix that line.");
        } catch (YAMLException e) {
            throw new UserException(origin + " is not valid YAML (" + e.getMessage() + "); fix it.");
        }
        if (root == null) {
            return base;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new UserException(origin + " must hold sections such as MODEL: and SOLVER:, not a single "
                    + formatValue(root) + ".");
        }
        return mergeMap(base, map, "", origin);
    }

    private static Config mergeMap(Config c, Map<?, ?> map, String prefix, String origin) {
        ConfigSchema schema = c.schema();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object value = e.getValue();
            if (schema.isKey(key)) {
                if (value instanceof Map) {
                    throw new UserException(origin + ": " + key + " is a single value, not a section; write it as '"
                            + key.substring(key.lastIndexOf('.') + 1) + ": VALUE'.");
                }
                c = c.with(key, value, origin);
            } else if (schema.isSection(key)) {
                if (value == null) {
                    continue;
                }
                if (!(value instanceof Map<?, ?> sub)) {
                    throw new UserException(origin + ": " + key + " is a section; list its keys indented below it.");
                }
                c = mergeMap(c, sub, key + ".", origin);
            } else {
                String near = schema.nearest(key);
                throw new UserException(origin + ": unknown key " + key + (near != null ? "; did you mean " + near + "?"
                        : "; see 'config --keys' for every key."));
            }
        }
        return c;
    }

    /** The whole config as YAML; the workbench's own keys only where they differ from their defaults. */
    public static String toYaml(Config c) {
        Map<String, Object> values = new LinkedHashMap<>(c.values());
        values.entrySet().removeIf(e -> {
            ConfigKey k = c.schema().key(e.getKey());
            return k != null && !k.pytc() && java.util.Objects.equals(k.defaultValue(), e.getValue());
        });
        return write(values);
    }

    /** Only the keys that differ from {@code base}, as YAML (empty when none differ). */
    public static String toYaml(Config c, Config base) {
        return write(c.differenceFrom(base));
    }

    /** Saves YAML text atomically (temporary file, then rename). */
    public static void save(String yaml, Path file) {
        try {
            AtomicFiles.writeString(file, yaml);
        } catch (IOException e) {
            throw new UserException("Could not save config '" + file + "' (" + e.getMessage() + "); check the folder is "
                    + "writable.");
        }
    }

    private static String write(Map<String, Object> flat) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            Map<String, Object> node = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
                node = child;
            }
            node.put(parts[parts.length - 1], new Leaf(e.getValue()));
        }
        StringBuilder b = new StringBuilder();
        writeTree(tree, 0, b);
        return b.toString();
    }

    private record Leaf(Object value) {
    }

    private static void writeTree(Map<String, Object> node, int indent, StringBuilder b) {
        for (Map.Entry<String, Object> e : node.entrySet()) {
            b.append("  ".repeat(indent)).append(e.getKey()).append(':');
            if (e.getValue() instanceof Leaf leaf) {
                b.append(' ').append(formatValue(leaf.value)).append('\n');
            } else {
                b.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) e.getValue();
                writeTree(child, indent + 1, b);
            }
        }
    }

    /** A value as PyTC writes it: None, True, 0.02, [17, 257, 257], "0", plain strings unquoted where safe. */
    public static String formatValue(Object v) {
        return format(v, false);
    }

    private static String format(Object v, boolean inList) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            return formatDouble(((Number) v).doubleValue());
        }
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(format(list.get(i), true));
            }
            return b.append(']').toString();
        }
        String s = String.valueOf(v);
        if (!inList && s.matches("[A-Za-z_/.][A-Za-z0-9_./@+-]*") && !RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT))
                && !looksNumeric(s)) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean looksNumeric(String s) {
        try {
            PyLiteral.number(s);
            return true;
        } catch (IllegalArgumentException e) {
            return s.startsWith(".") && s.length() > 1 && Character.isDigit(s.charAt(1));
        }
    }

    /** A double in a form both YAML 1.1 and Python read back exactly (always a dot, signed exponent). */
    static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        double a = Math.abs(d);
        if (a == 0 || (a >= 1e-4 && a < 1e12)) {
            String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        String s = Double.toString(d).replace('E', 'e');
        int e = s.indexOf('e');
        if (s.charAt(e + 1) != '-') {
            s = s.substring(0, e + 1) + "+" + s.substring(e + 1);
        }
        return s;
    }
}
