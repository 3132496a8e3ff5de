package org.synapseworkbench.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every key of PyTorch Connectomics v1.0 with its type, default and description, read from
 * {@code pytc-defaults.txt}, then the workbench's own keys from {@code workbench-keys.txt}. Keys keep PyTC's order
 * (ours after), which is also the order configs are saved in.
 */
public final class ConfigSchema {
    private static final ConfigSchema PYTC = load();

    private final Map<String, ConfigKey> keys;
    private final Set<String> sections;

    private ConfigSchema(Map<String, ConfigKey> keys) {
        this.keys = Collections.unmodifiableMap(keys);
        Set<String> s = new LinkedHashSet<>();
        for (ConfigKey k : keys.values()) {
            String sec = k.section();
            while (!sec.isEmpty()) {
                s.add(sec);
                int dot = sec.lastIndexOf('.');
                sec = dot < 0 ? "" : sec.substring(0, dot);
            }
        }
        this.sections = Collections.unmodifiableSet(s);
    }

    /** The PyTC schema, with the workbench's own keys. */
    public static ConfigSchema pytc() {
        return PYTC;
    }

    private static ConfigSchema load() {
        Map<String, ConfigKey> keys = new LinkedHashMap<>();
        read("pytc-defaults.txt", true, keys);
        read("workbench-keys.txt", false, keys);
        return new ConfigSchema(keys);
    }

    private static void read(String resource, boolean pytc, Map<String, ConfigKey> keys) {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 4);
                String name = parts[0].trim();
                ValueType type = ValueType.fromCode(parts[1]);
                Object def = type.coerce(PyLiteral.parse(parts[2].trim()));
                keys.put(name, new ConfigKey(name, type, def, parts.length > 3 ? parts[3].trim() : "", pytc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, ConfigKey> keys() {
        return keys;
    }

    public ConfigKey key(String name) {
        return keys.get(name);
    }

    public boolean isKey(String name) {
        return keys.containsKey(name);
    }

    /** True for a section such as {@code AUGMENTOR.ELASTIC}. */
    public boolean isSection(String name) {
        return sections.contains(name);
    }

    /** Sections in schema order (top-level and nested). */
    public Set<String> sections() {
        return sections;
    }

    /** The known key (or section) closest in spelling to an unknown one, for "did you mean" hints. */
    public String nearest(String unknown) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>(keys.keySet());
        candidates.addAll(sections);
        for (String k : candidates) {
            int d = distance(unknown.toUpperCase(java.util.Locale.ROOT), k);
            String leaf = k.substring(k.lastIndexOf('.') + 1);
            String unknownLeaf = unknown.substring(unknown.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT);
            d = Math.min(d, distance(unknownLeaf, leaf) + 2);
            if (d < bestDist) {
                bestDist = d;
                best = k;
            }
        }
        int allowed = Math.max(3, unknown.length() / 3);
        return bestDist <= allowed ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
