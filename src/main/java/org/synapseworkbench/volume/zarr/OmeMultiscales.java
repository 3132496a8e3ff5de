package org.synapseworkbench.volume.zarr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The first image of an OME-Zarr group's {@code multiscales} attribute (NGFF 0.4; 0.5 keeps it under {@code ome}): its
 * levels, finest first, each with its voxel size and offset in nm, from the axes' units and the levels' (and the
 * image's) scale and translation transformations.
 *
 * @param levels the levels' array paths relative to the group, finest first
 */
public record OmeMultiscales(List<String> levels, List<double[]> resolutions, List<double[]> offsets) {

    /** The multiscales image of a group's {@code .zattrs}, or null when it has none (or not one that is read here). */
    public static OmeMultiscales of(Path group) {
        JsonObject attrs = ZarrVolume.attributes(group);
        JsonObject ome = attrs.has("ome") && attrs.get("ome").isJsonObject() ? attrs.getAsJsonObject("ome") : attrs;
        JsonElement m = ome.get("multiscales");
        if (m == null || !m.isJsonArray() || m.getAsJsonArray().isEmpty() || !m.getAsJsonArray().get(0).isJsonObject()) {
            return null;
        }
        try {
            return parse(m.getAsJsonArray().get(0).getAsJsonObject());
        } catch (RuntimeException e) {
            return null; // malformed metadata: the arrays are still listed and open as plain Zarr
        }
    }

    private static OmeMultiscales parse(JsonObject image) {
        JsonArray axes = image.has("axes") ? image.getAsJsonArray("axes") : null;
        int n = axes != null ? axes.size() : -1;
        double[] perUnit = null;
        int[] spatial = null;
        if (axes != null) {
            List<Integer> space = new ArrayList<>();
            List<Double> factors = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                JsonElement a = axes.get(i);
                String type = a.isJsonObject() && a.getAsJsonObject().has("type") ? a.getAsJsonObject().get("type").getAsString() : "";
                String name = a.isJsonObject() ? a.getAsJsonObject().get("name").getAsString() : a.getAsString();
                if (type.equals("space") || type.isEmpty() && List.of("z", "y", "x").contains(name)) {
                    space.add(i);
                    String unit = a.isJsonObject() && a.getAsJsonObject().has("unit") ? a.getAsJsonObject().get("unit").getAsString() : "";
                    factors.add(nanometres(unit));
                }
            }
            if (space.size() == 3) {
                spatial = space.stream().mapToInt(Integer::intValue).toArray();
                perUnit = factors.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        double[] globalScale = null;
        double[] globalShift = null;
        if (image.has("coordinateTransformations")) {
            double[][] t = transforms(image.getAsJsonArray("coordinateTransformations"));
            globalScale = t[0];
            globalShift = t[1];
        }
        List<String> levels = new ArrayList<>();
        List<double[]> res = new ArrayList<>();
        List<double[]> off = new ArrayList<>();
        for (JsonElement d : image.getAsJsonArray("datasets")) {
            JsonObject level = d.getAsJsonObject();
            levels.add(level.get("path").getAsString());
            double[][] t = level.has("coordinateTransformations") ? transforms(level.getAsJsonArray("coordinateTransformations"))
                    : new double[][] {null, null};
            double[] scale = t[0];
            double[] shift = t[1];
            int dims = scale != null ? scale.length : n;
            int[] sp = spatial != null ? spatial : dims >= 3 ? new int[] {dims - 3, dims - 2, dims - 1} : null;
            double[] unit = perUnit != null ? perUnit : new double[] {1, 1, 1};
            if (scale == null || sp == null) {
                res.add(null);
                off.add(new double[3]);
                continue;
            }
            double[] r = new double[3];
            double[] o = new double[3];
            for (int k = 0; k < 3; k++) {
                int a = sp[k];
                double s = scale[a] * (globalScale != null ? globalScale[a] : 1);
                r[k] = s * unit[k];
                double tr = (shift != null ? shift[a] : 0) * (globalScale != null ? globalScale[a] : 1)
                        + (globalShift != null ? globalShift[a] : 0);
                o[k] = tr * unit[k];
            }
            res.add(r);
            off.add(o);
        }
        return new OmeMultiscales(levels, res, off);
    }

    /** The scale and the translation of a list of coordinate transformations (null where absent). */
    private static double[][] transforms(JsonArray list) {
        double[] scale = null;
        double[] shift = null;
        for (JsonElement e : list) {
            JsonObject t = e.getAsJsonObject();
            String type = t.get("type").getAsString();
            if (type.equals("scale") && t.has("scale")) {
                scale = doubles(t.getAsJsonArray("scale"));
            } else if (type.equals("translation") && t.has("translation")) {
                shift = doubles(t.getAsJsonArray("translation"));
            }
        }
        return new double[][] {scale, shift};
    }

    private static double[] doubles(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    /** Nanometres in one of a space axis's unit (UDUNITS names as NGFF uses them); unknown or none: 1. */
    static double nanometres(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "angstrom" -> 0.1;
            case "picometer" -> 1e-3;
            case "micrometer", "micron" -> 1e3;
            case "millimeter" -> 1e6;
            case "centimeter" -> 1e7;
            case "meter" -> 1e9;
            default -> 1;
        };
    }

    /** The voxel size and offset (nm) of level {@code path}, or null when the image does not have it. */
    public double[][] of(String path) {
        int i = levels.indexOf(path);
        return i < 0 || resolutions.get(i) == null ? null : new double[][] {resolutions.get(i), offsets.get(i)};
    }
}
