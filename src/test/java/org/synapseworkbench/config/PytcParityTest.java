package org.synapseworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our config keys and defaults against PyTC v1.0's (src/test/resources/pytc/pytc-default-keys.txt, the reference
 * list of every key and default), and a saved config read back the way PyTC reads it (yaml + yacs, in Python).
 */
class PytcParityTest {
    static Path resource(String name) {
        try {
            return Path.of(PytcParityTest.class.getResource("/pytc/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reference keys and their defaults as written there (Python literals). */
    static Map<String, String> reference() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(resource("pytc-default-keys.txt"))) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String key = line.substring(0, line.indexOf('=')).strip();
            String value = line.substring(line.indexOf('=') + 1).strip();
            if (value.startsWith("section")) {
                if (value.contains("ENABLED:")) {
                    out.put(key + ".ENABLED", value.substring(value.indexOf("ENABLED:") + 8).replace(")", "").strip());
                }
                continue;
            }
            out.put(key, value);
        }
        return out;
    }

    /** A reference literal: a Python literal, or the one quotient written there, "1.0 / 1000". */
    private static Object literal(String text) {
        if (text.matches("[0-9.]+ / [0-9.]+")) {
            String[] p = text.split(" / ");
            return Double.parseDouble(p[0]) / Double.parseDouble(p[1]);
        }
        return PyLiteral.parse(text);
    }

    @Test
    void everyKeyAndDefaultIsPytcs() throws IOException {
        Map<String, String> ref = reference();
        Config ours = Config.defaults();
        TreeSet<String> pytcKeys = new TreeSet<>(ours.values().keySet());
        pytcKeys.removeIf(k -> !ours.schema().key(k).pytc()); // the workbench's own, saved only when set
        assertEquals(new TreeSet<>(ref.keySet()), pytcKeys, "the same keys");
        List<String> different = new ArrayList<>();
        for (Map.Entry<String, String> e : ref.entrySet()) {
            ConfigKey k = ours.schema().key(e.getKey());
            Object expected = k.type().coerce(literal(e.getValue()));
            if (!java.util.Objects.equals(expected, ours.get(e.getKey()))) {
                different.add(e.getKey() + ": PyTC " + e.getValue() + ", ours " + ConfigYaml.formatValue(ours.get(e.getKey())));
            }
        }
        assertEquals(List.of(), different);
        // the three that were wrong until the reference list was corrected
        assertFalse(ours.getBool("SOLVER.CLIP_GRADIENTS.ENABLED"));
        assertFalse(ours.getBool("SOLVER.SWA.ENABLED"));
        assertFalse(ours.getBool("AUGMENTOR.COPYPASTE.ENABLED"));
    }

    static boolean pyyamlAvailable() {
        try {
            return new ProcessBuilder("/usr/bin/python3", "-c", "import yaml").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs the yacs read-back of {@code c} saved whole; returns its output, asserting it found no difference. */
    private static String readBackInPytc(Config c, Path dir) throws Exception {
        Path saved = dir.resolve("saved.yaml");
        ConfigYaml.save(ConfigYaml.toYaml(c), saved);
        StringBuilder expected = new StringBuilder();
        c.differenceFrom(Config.defaults()).forEach((k, v) -> expected.append(k).append(": \"")
                .append(ConfigYaml.formatValue(v).replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n"));
        Path exp = dir.resolve("expected.yaml");
        Files.writeString(exp, expected.toString());
        Process p = new ProcessBuilder("/usr/bin/python3", resource("yacs_read_back.py").toString(),
                resource("pytc-default-keys.txt").toString(), saved.toString(), exp.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void aWholeSavedConfigReadsBackInPytcIdentically(@TempDir Path dir) throws Exception {
        assumeTrue(pyyamlAvailable(), "python3-yaml is not installed");
        int keys = reference().size();
        assertEquals(keys + " keys identical", readBackInPytc(Config.defaults(), dir));
        Config demo = ConfigLoader.merge(null, Path.of("configs/Demo/Demo-Cleft.yaml"), List.of());
        assertEquals(keys + " keys identical", readBackInPytc(demo, dir));
        Config edited = ConfigLoader.applyOverrides(Config.defaults(), List.of("SOLVER.BETAS", "(0.8, 0.99)",
                "INFERENCE.AUG_NUM", "8", "MODEL.FINETUNE", "'a b.ckpt'", "DATASET.IMAGE_NAME", "a.h5@b.h5",
                "SOLVER.CLIP_GRADIENTS.CLIP_VALUE", "2.0", "MODEL.TARGET_OPT", "['1']", "MODEL.OUT_PLANES", "3"));
        assertEquals(keys + " keys identical", readBackInPytc(edited, dir));
    }
}
