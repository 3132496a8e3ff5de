package org.synapseworkbench.volume.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.synapseworkbench.volume.SystemPython;
import org.synapseworkbench.volume.zarr.Numcodecs;

/**
 * Every compressor of Zarr v2 against numcodecs (Debian's python3-numcodecs, installed by .ci/run): chunks numcodecs
 * encoded are decoded here byte for byte, and chunks encoded here are decoded by numcodecs. Blosc in every inner
 * compressor and shuffle, split and unsplit blocks, a short last block.
 */
class NumcodecsCodecsTest {
    /** The arrays encoded: name, numpy dtype, and the expression that makes them. */
    private static final String ARRAYS = String.join("\n",
            "arrays = {",
            " 'u1': (np.arange(7001) % 251).astype('u1'),",
            " 'u2': ((np.arange(5003) * 7) % 3001).astype('<u2'),",
            " 'u8': (np.arange(2000) // 3).astype('<u8'),",
            " 'f4': np.sin(np.arange(4000) / 50.0).astype('<f4'),",
            " 'i2': (np.arange(64) - 32).astype('>i2'),",
            "}");
    /** numcodecs' configurations, by name. */
    private static final Map<String, String> CODECS = codecs();

    private static Map<String, String> codecs() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String cname : List.of("blosclz", "lz4", "lz4hc", "zlib", "zstd")) {
            for (int shuffle = 0; shuffle <= 2; shuffle++) {
                m.put("blosc-" + cname + "-" + shuffle, "{\"id\": \"blosc\", \"cname\": \"" + cname + "\", \"clevel\": 5, "
                        + "\"shuffle\": " + shuffle + ", \"blocksize\": 0}");
            }
        }
        m.put("blosc-lz4-small-blocks", "{\"id\": \"blosc\", \"cname\": \"lz4\", \"clevel\": 5, \"shuffle\": 1, \"blocksize\": 1024}");
        m.put("blosc-blosclz-9-bit-small", "{\"id\": \"blosc\", \"cname\": \"blosclz\", \"clevel\": 9, \"shuffle\": 2, \"blocksize\": 2048}");
        m.put("blosc-level-0", "{\"id\": \"blosc\", \"cname\": \"lz4\", \"clevel\": 0, \"shuffle\": 1, \"blocksize\": 0}");
        m.put("gzip", "{\"id\": \"gzip\", \"level\": 5}");
        m.put("zlib", "{\"id\": \"zlib\", \"level\": 5}");
        m.put("zstd", "{\"id\": \"zstd\", \"level\": 3}");
        m.put("lz4", "{\"id\": \"lz4\", \"acceleration\": 1}");
        m.put("bz2", "{\"id\": \"bz2\", \"level\": 5}");
        return m;
    }

    private static int typeSize(String array) {
        return Integer.parseInt(array.substring(1));
    }

    @Test
    void chunksNumcodecsWroteAreDecodedByteForByte(@TempDir Path dir) throws Exception {
        assumeTrue(SystemPython.has("numcodecs"), "python3-numcodecs is not installed");
        StringBuilder configs = new StringBuilder("codecs = {");
        CODECS.forEach((name, json) -> configs.append("'").append(name).append("': numcodecs.get_codec(json.loads('")
                .append(json).append("')),"));
        configs.append("}");
        SystemPython.run(String.join("\n", "import numpy as np, numcodecs, json, sys, os", ARRAYS, configs.toString(),
                "for an, a in arrays.items():",
                "    open(os.path.join(sys.argv[1], an + '.raw'), 'wb').write(a.tobytes())",
                "    for cn, c in codecs.items():",
                "        open(os.path.join(sys.argv[1], an + '.' + cn), 'wb').write(c.encode(a))"), dir.toString());
        int checked = 0;
        for (String array : List.of("u1", "u2", "u8", "f4", "i2")) {
            byte[] raw = Files.readAllBytes(dir.resolve(array + ".raw"));
            for (Map.Entry<String, String> c : CODECS.entrySet()) {
                Codec codec = Numcodecs.codec(JsonParser.parseString(c.getValue()).getAsJsonObject(), typeSize(array));
                byte[] stored = Files.readAllBytes(dir.resolve(array + "." + c.getKey()));
                assertArrayEquals(raw, codec.decode(stored, raw.length), array + " by " + c.getKey());
                checked++;
            }
        }
        assertEquals(5 * CODECS.size(), checked);
    }

    @Test
    void chunksEncodedHereAreDecodedByNumcodecs(@TempDir Path dir) throws Exception {
        assumeTrue(SystemPython.has("numcodecs"), "python3-numcodecs is not installed");
        SystemPython.run(String.join("\n", "import numpy as np, sys, os", ARRAYS,
                "for an, a in arrays.items():",
                "    open(os.path.join(sys.argv[1], an + '.raw'), 'wb').write(a.tobytes())"), dir.toString());
        List<String> names = new ArrayList<>();
        for (String array : List.of("u1", "u2", "u8", "f4", "i2")) {
            byte[] raw = Files.readAllBytes(dir.resolve(array + ".raw"));
            for (Map.Entry<String, String> c : CODECS.entrySet()) {
                Codec codec = Numcodecs.codec(JsonParser.parseString(c.getValue()).getAsJsonObject(), typeSize(array));
                Files.write(dir.resolve(array + "." + c.getKey() + ".ours"), codec.encode(raw));
                names.add(array + "." + c.getKey());
            }
        }
        String out = SystemPython.run(String.join("\n", "import numcodecs, json, sys, os",
                "bad = []",
                "for name in sys.argv[2:]:",
                "    array, codec = name.split('.', 1)",
                "    raw = open(os.path.join(sys.argv[1], array + '.raw'), 'rb').read()",
                "    stored = open(os.path.join(sys.argv[1], name + '.ours'), 'rb').read()",
                "    c = {'gzip': numcodecs.GZip(), 'zlib': numcodecs.Zlib(), 'zstd': numcodecs.Zstd(), 'lz4': numcodecs.LZ4(),",
                "         'bz2': numcodecs.BZ2()}.get(codec, numcodecs.Blosc())",
                "    if bytes(c.decode(stored)) != raw: bad.append(name)",
                "print(len(sys.argv) - 2, 'decoded', bad)"), prepend(dir.toString(), names));
        assertEquals(names.size() + " decoded []", out.strip());
    }

    private static String[] prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    @Test
    void damagedChunksAreOneSentenceNotACrash() {
        byte[] raw = new byte[4096];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i / 7);
        }
        for (String c : List.of("blosc-lz4-1", "blosc-zstd-2", "gzip", "zlib", "zstd", "lz4", "bz2")) {
            Codec codec = Numcodecs.codec(JsonParser.parseString(CODECS.get(c)).getAsJsonObject(), 2);
            byte[] stored = codec.encode(raw);
            byte[] cut = java.util.Arrays.copyOf(stored, stored.length / 2);
            CodecException e = assertThrows(CodecException.class, () -> codec.decode(cut, raw.length), c);
            assertTrue(e.getMessage().length() < 300 && !e.getMessage().contains("\n"), e.getMessage());
            java.util.Random random = new java.util.Random(3);
            for (int trial = 0; trial < 200; trial++) { // fuzzed: decoded, or refused in one sentence, never hung
                byte[] fuzzed = stored.clone();
                for (int k = 0; k < 3; k++) {
                    fuzzed[random.nextInt(fuzzed.length)] = (byte) random.nextInt(256);
                }
                try {
                    codec.decode(fuzzed, raw.length);
                } catch (CodecException ok) {
                    assertTrue(ok.getMessage() != null && !ok.getMessage().isBlank());
                }
            }
        }
    }
}
