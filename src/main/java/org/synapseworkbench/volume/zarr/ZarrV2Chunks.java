package org.synapseworkbench.volume.zarr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.codec.Codec;

/** The chunks of a Zarr v2 array: a file a chunk, compressed by one numcodecs compressor, in C or F order. */
final class ZarrV2Chunks extends ZarrChunks {
    private final ZarrV2Metadata meta;
    private final Codec codec;

    ZarrV2Chunks(ZarrV2Metadata meta) {
        super(meta.shape(), meta.chunks(), meta.type(), meta.fill());
        this.meta = meta;
        this.codec = meta.codec();
    }

    @Override
    Block load(Path folder, int[] g) throws IOException {
        byte[] raw;
        try {
            raw = codec.read(file(folder, g), (int) Block.elementCount(chunk) * type.bytes());
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        if (!meta.fortranOrder()) {
            return Block.decode(type, meta.order(), raw, chunk);
        }
        int r = chunk.length;
        int[] reversed = new int[r];
        int[] axes = new int[r];
        for (int a = 0; a < r; a++) {
            reversed[a] = chunk[r - 1 - a];
            axes[a] = r - 1 - a;
        }
        return Block.decode(type, meta.order(), raw, reversed).transposed(axes); // F order read as C, made C again
    }

    /** A whole chunk's stored bytes. */
    byte[] encode(Block whole) {
        int r = chunk.length;
        int[] axes = new int[r];
        for (int a = 0; a < r; a++) {
            axes[a] = r - 1 - a;
        }
        return codec.encode((meta.fortranOrder() ? whole.transposed(axes) : whole).encode(meta.order()));
    }

    @Override
    Path file(Path folder, int[] g) {
        return folder.resolve(meta.chunkKey(g));
    }

    @Override
    String describe() {
        return "Zarr v2, chunks " + Arrays.toString(chunk) + ", " + codec.describe() + (meta.fortranOrder() ? ", F order" : "");
    }
}
