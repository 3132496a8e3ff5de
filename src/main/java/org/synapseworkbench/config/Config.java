package org.synapseworkbench.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.synapseworkbench.work.UserException;

/**
 * A complete, immutable PyTC config: a value for every key of the {@link ConfigSchema}, each in its type's
 * canonical form, plus where each value came from (for error messages). Equality compares values only.
 */
public final class Config {
    /** Where a value was set: "defaults", a file path, or "command line". */
    public static final String DEFAULTS = "defaults";

    private final ConfigSchema schema;
    private final Map<String, Object> values;
    private final Map<String, String> origins;
    /** The typed sections read so far. */
    private final Map<Class<?>, Record> sections = new java.util.concurrent.ConcurrentHashMap<>();

    private Config(ConfigSchema schema, Map<String, Object> values, Map<String, String> origins) {
        this.schema = schema;
        this.values = values;
        this.origins = origins;
    }

    /** PyTC's defaults. */
    public static Config defaults() {
        ConfigSchema schema = ConfigSchema.pytc();
        Map<String, Object> v = new LinkedHashMap<>();
        Map<String, String> o = new LinkedHashMap<>();
        for (ConfigKey k : schema.keys().values()) {
            v.put(k.name(), k.defaultValue());
            o.put(k.name(), DEFAULTS);
        }
        return new Config(schema, v, o);
    }

    public ConfigSchema schema() {
        return schema;
    }

    /**
     * A copy with one value replaced, coerced to the key's type.
     *
     * @param origin where the value comes from, named in error messages
     * @throws UserException for an unknown key or a value of the wrong type
     */
    public Config with(String key, Object value, String origin) {
        ConfigKey k = schema.key(key);
        if (k == null) {
            String near = schema.nearest(key);
            throw new UserException(origin + ": unknown key " + key + (near != null ? "; did you mean " + near + "?"
                    : "; see 'synapse-workbench config --keys' for the list."));
        }
        Object coerced;
        try {
            coerced = k.type().coerce(value);
        } catch (IllegalArgumentException e) {
            throw new UserException(origin + ": " + key + " " + e.getMessage() + "; fix the value.");
        }
        Map<String, Object> v = new LinkedHashMap<>(values);
        Map<String, String> o = new LinkedHashMap<>(origins);
        v.put(key, coerced);
        o.put(key, origin);
        return new Config(schema, v, o);
    }

    /** The section of {@code type}, read once and kept (a config never changes). */
    private <R extends Record> R section(String name, Class<R> type) {
        return type.cast(sections.computeIfAbsent(type, t -> SectionReader.read(this, name, type)));
    }

    /** The SYSTEM section, typed. */
    public SystemSection system() {
        return section("SYSTEM", SystemSection.class);
    }

    /** The DATASET section, typed. */
    public DatasetSection dataset() {
        return section("DATASET", DatasetSection.class);
    }

    /** The MODEL section, typed. */
    public ModelSection model() {
        return section("MODEL", ModelSection.class);
    }

    /** The SOLVER section, typed. */
    public SolverSection solver() {
        return section("SOLVER", SolverSection.class);
    }

    /** The AUGMENTOR section, typed. */
    public AugmentorSection augmentor() {
        return section("AUGMENTOR", AugmentorSection.class);
    }

    /** The INFERENCE section, typed. */
    public InferenceSection inference() {
        return section("INFERENCE", InferenceSection.class);
    }

    /** The MONITOR section, typed. */
    public MonitorSection monitor() {
        return section("MONITOR", MonitorSection.class);
    }

    /** The value of a key (null for None). */
    public Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("no config key " + key);
        }
        return values.get(key);
    }

    /** Where the key's value was set. */
    public String origin(String key) {
        return origins.getOrDefault(key, DEFAULTS);
    }

    public boolean isNone(String key) {
        return get(key) == null;
    }

    public int getInt(String key) {
        return (Integer) require(key);
    }

    public double getDouble(String key) {
        return (Double) require(key);
    }

    public boolean getBool(String key) {
        return (Boolean) require(key);
    }

    public String getString(String key) {
        return (String) get(key);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String key) {
        Object v = get(key);
        return v == null ? null : (List<Integer>) v;
    }

    @SuppressWarnings("unchecked")
    public List<Double> getDoubleList(String key) {
        Object v = get(key);
        return v == null ? null : (List<Double>) v;
    }

    @SuppressWarnings("unchecked")
    public List<String> getStringList(String key) {
        Object v = get(key);
        return v == null ? null : (List<String>) v;
    }

    @SuppressWarnings("unchecked")
    public List<Boolean> getBoolList(String key) {
        Object v = get(key);
        return v == null ? null : (List<Boolean>) v;
    }

    /** A PATHS value as a list of names: split at '@' when a string, empty when None. */
    public List<String> getPaths(String key) {
        Object v = get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            List<String> out = new ArrayList<>();
            for (String part : s.split("@")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private Object require(String key) {
        Object v = get(key);
        if (v == null) {
            throw new UserException(origin(key) + ": " + key + " is None but needs a value; set it in the config "
                    + "or on the command line.");
        }
        return v;
    }

    /** Every key and value in schema order (unmodifiable). */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The keys whose values differ from {@code base}, in schema order. */
    public Map<String, Object> differenceFrom(Config base) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!Objects.equals(e.getValue(), base.values.get(e.getKey()))) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return ConfigYaml.toYaml(this);
    }
}
