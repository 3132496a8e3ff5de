package org.synapseworkbench.volume;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An n-dimensional array in memory, row-major (last axis fastest), stored compactly in the primitive array
 * that matches its element width: byte[] for (u)int8, short[] for (u)int16, int[] for (u)int32, long[] for
 * (u)int64, float[] and double[]. Unsigned values are read back through {@link #getLong} and {@link #getDouble},
 * which undo the sign of the storage type.
 */
public final class Block {
    private final DataType type;
    private final int[] shape;
    private final Object data;
    private final int length;

    private Block(DataType type, int[] shape, Object data) {
        this.type = type;
        this.shape = shape.clone();
        this.data = data;
        this.length = Array.getLength(data);
        if (length != elementCount(shape)) {
            throw new IllegalArgumentException("data of length " + length + " does not fit shape " + Arrays.toString(shape));
        }
    }

    /** A block of zeros. */
    public static Block zeros(DataType type, int... shape) {
        long n = elementCount(shape);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a block of shape " + Arrays.toString(shape) + " is too large for one array; read it in parts");
        }
        return new Block(type, shape, newArray(type, (int) n));
    }

    /** Wraps an existing primitive array (not copied); its class must match the type's width. */
    public static Block wrap(DataType type, Object data, int... shape) {
        if (data.getClass() != newArray(type, 0).getClass()) {
            throw new IllegalArgumentException(type.label() + " needs a " + newArray(type, 0).getClass().getSimpleName()
                    + ", not a " + data.getClass().getSimpleName());
        }
        return new Block(type, shape, data);
    }

    /** {@code reuse} when it has this type and shape (its elements as they are), else a new block of zeros. */
    public static Block reusing(Block reuse, DataType type, int... shape) {
        return reuse != null && reuse.type == type && Arrays.equals(reuse.shape, shape) ? reuse : zeros(type, shape);
    }

    /**
     * Decodes raw little- or big-endian bytes (an HDF5 chunk, say) into a block; one-byte elements keep {@code bytes}
     * itself when it is exactly their size, so the caller must not change it afterwards.
     */
    public static Block decode(DataType type, ByteOrder order, byte[] bytes, int... shape) {
        int n = (int) elementCount(shape);
        if ((long) n * type.bytes() > bytes.length) {
            throw new IllegalArgumentException("only " + bytes.length + " bytes for " + n + " elements of " + type.label());
        }
        if (type.bytes() == 1 && bytes.length == n) {
            return new Block(type, shape, bytes); // bytes are bytes in any order: kept, not copied
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(order);
        Object out = newArray(type, n);
        switch (type.bytes()) {
            case 1 -> System.arraycopy(bytes, 0, out, 0, n);
            case 2 -> bb.asShortBuffer().get((short[]) out, 0, n);
            case 4 -> {
                if (type == DataType.FLOAT32) bb.asFloatBuffer().get((float[]) out, 0, n);
                else bb.asIntBuffer().get((int[]) out, 0, n);
            }
            default -> {
                if (type == DataType.FLOAT64) bb.asDoubleBuffer().get((double[]) out, 0, n);
                else bb.asLongBuffer().get((long[]) out, 0, n);
            }
        }
        return new Block(type, shape, out);
    }

    /** The elements as bytes in {@code order}: the inverse of {@link #decode}. */
    public byte[] encode(ByteOrder order) {
        int n = size();
        byte[] bytes = new byte[n * type.bytes()];
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(order);
        switch (type.bytes()) {
            case 1 -> System.arraycopy(data, 0, bytes, 0, n);
            case 2 -> bb.asShortBuffer().put((short[]) data, 0, n);
            case 4 -> {
                if (type == DataType.FLOAT32) bb.asFloatBuffer().put((float[]) data, 0, n);
                else bb.asIntBuffer().put((int[]) data, 0, n);
            }
            default -> {
                if (type == DataType.FLOAT64) bb.asDoubleBuffer().put((double[]) data, 0, n);
                else bb.asLongBuffer().put((long[]) data, 0, n);
            }
        }
        return bytes;
    }

    static Object newArray(DataType type, int n) {
        return switch (type) {
            case UINT8, INT8 -> new byte[n];
            case UINT16, INT16 -> new short[n];
            case UINT32, INT32 -> new int[n];
            case UINT64, INT64 -> new long[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
    }

    /** Product of the dimensions. */
    public static long elementCount(int... shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
            }
            n *= s;
        }
        return n;
    }

    public DataType type() {
        return type;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    /** Number of elements. */
    public int size() {
        return length;
    }

    /** The backing primitive array (not a copy). */
    public Object data() {
        return data;
    }

    public byte[] bytes() {
        return (byte[]) data;
    }

    public long[] longs() {
        return (long[]) data;
    }

    public float[] floats() {
        return (float[]) data;
    }

    /** Linear index of a coordinate. */
    public int index(int... pos) {
        int idx = 0;
        for (int a = 0; a < shape.length; a++) {
            idx = idx * shape[a] + pos[a];
        }
        return idx;
    }

    /** The element as a long: unsigned types are zero-extended (uint64 keeps its 64 bits), floats truncated. */
    public long getLong(int i) {
        return switch (type) {
            case UINT8 -> ((byte[]) data)[i] & 0xFFL;
            case INT8 -> ((byte[]) data)[i];
            case UINT16 -> ((short[]) data)[i] & 0xFFFFL;
            case INT16 -> ((short[]) data)[i];
            case UINT32 -> ((int[]) data)[i] & 0xFFFFFFFFL;
            case INT32 -> ((int[]) data)[i];
            case UINT64, INT64 -> ((long[]) data)[i];
            case FLOAT32 -> (long) ((float[]) data)[i];
            case FLOAT64 -> (long) ((double[]) data)[i];
        };
    }

    /** The element as a double (uint64 read as unsigned). */
    public double getDouble(int i) {
        return switch (type) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case UINT64 -> {
                long v = ((long[]) data)[i];
                yield v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            default -> getLong(i);
        };
    }

    /** Stores a long, keeping the low bits the type holds. */
    public void setLong(int i, long v) {
        switch (type) {
            case UINT8, INT8 -> ((byte[]) data)[i] = (byte) v;
            case UINT16, INT16 -> ((short[]) data)[i] = (short) v;
            case UINT32, INT32 -> ((int[]) data)[i] = (int) v;
            case UINT64, INT64 -> ((long[]) data)[i] = v;
            case FLOAT32 -> ((float[]) data)[i] = v;
            case FLOAT64 -> ((double[]) data)[i] = v;
        }
    }

    /** Stores a double: floats as is, integers rounded and clamped to the type's range. */
    public void setDouble(int i, double v) {
        switch (type) {
            case FLOAT32 -> ((float[]) data)[i] = (float) v;
            case FLOAT64 -> ((double[]) data)[i] = v;
            case UINT8 -> ((byte[]) data)[i] = (byte) clamp(Math.round(v), 0, 255);
            case INT8 -> ((byte[]) data)[i] = (byte) clamp(Math.round(v), -128, 127);
            case UINT16 -> ((short[]) data)[i] = (short) clamp(Math.round(v), 0, 65535);
            case INT16 -> ((short[]) data)[i] = (short) clamp(Math.round(v), Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT32 -> ((int[]) data)[i] = (int) clamp(Math.round(v), 0, 0xFFFFFFFFL);
            case INT32 -> ((int[]) data)[i] = (int) clamp(Math.round(v), Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT64, INT64 -> ((long[]) data)[i] = Math.round(v);
        }
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * Copies the box {@code size} at {@code srcStart} of {@code src} to {@code dstStart} of this block, row by row.
     * Both blocks must have the same type and rank.
     */
    public void copyFrom(Block src, int[] srcStart, int[] dstStart, int[] size) {
        if (src.type.bytes() != type.bytes() || src.type.isFloating() != type.isFloating() || src.rank() != rank()) {
            throw new IllegalArgumentException("cannot copy " + src.type.label() + " rank " + src.rank()
                    + " into " + type.label() + " rank " + rank());
        }
        int r = rank();
        for (int a = 0; a < r; a++) {
            if (size[a] <= 0) {
                return;
            }
        }
        int row = size[r - 1];
        int[] pos = new int[r - 1];
        int[] s = new int[r];
        int[] d = new int[r];
        while (true) {
            for (int a = 0; a < r - 1; a++) {
                s[a] = srcStart[a] + pos[a];
                d[a] = dstStart[a] + pos[a];
            }
            s[r - 1] = srcStart[r - 1];
            d[r - 1] = dstStart[r - 1];
            System.arraycopy(src.data, src.index(s), data, index(d), row);
            int a = r - 2;
            while (a >= 0 && ++pos[a] == size[a]) {
                pos[a] = 0;
                a--;
            }
            if (a < 0) {
                return;
            }
        }
    }

    /**
     * Copies elements {@code base + offsets[j] * step} of {@code src} (same type) to {@code to + j} of this block, for
     * every j: one sampled row of a plane.
     */
    public void gather(Block src, int base, int[] offsets, int step, int to) {
        int n = offsets.length;
        switch (type.bytes()) {
            case 1 -> {
                byte[] s = (byte[]) src.data;
                byte[] d = (byte[]) data;
                for (int j = 0; j < n; j++) {
                    d[to + j] = s[base + offsets[j] * step];
                }
            }
            case 8 -> {
                if (type == DataType.FLOAT64) {
                    double[] s = (double[]) src.data;
                    double[] d = (double[]) data;
                    for (int j = 0; j < n; j++) {
                        d[to + j] = s[base + offsets[j] * step];
                    }
                } else {
                    long[] s = (long[]) src.data;
                    long[] d = (long[]) data;
                    for (int j = 0; j < n; j++) {
                        d[to + j] = s[base + offsets[j] * step];
                    }
                }
            }
            default -> {
                for (int j = 0; j < n; j++) {
                    setDouble(to + j, src.getDouble(base + offsets[j] * step)); // exact for 16- and 32-bit values
                }
            }
        }
    }

    /** Sets every element to the given raw value (e.g. a fill value). */
    public void fill(long v) {
        switch (type) {
            case UINT8, INT8 -> Arrays.fill((byte[]) data, (byte) v);
            case UINT16, INT16 -> Arrays.fill((short[]) data, (short) v);
            case UINT32, INT32 -> Arrays.fill((int[]) data, (int) v);
            case UINT64, INT64 -> Arrays.fill((long[]) data, v);
            case FLOAT32 -> Arrays.fill((float[]) data, v);
            case FLOAT64 -> Arrays.fill((double[]) data, v);
        }
    }

    /**
     * The same values as nested Java arrays ({@code byte[z][y][x]} for a uint8 block of rank 3), the form jhdf
     * writes. Copies the data once.
     */
    public Object toNested() {
        if (rank() == 1) {
            return data;
        }
        Object nested = Array.newInstance(data.getClass().getComponentType(), shape);
        int row = shape[rank() - 1];
        int[] offset = {0};
        fillNested(nested, 0, row, offset);
        return nested;
    }

    private void fillNested(Object nested, int axis, int row, int[] offset) {
        int n = Array.getLength(nested);
        if (axis == rank() - 2) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(data, offset[0], Array.get(nested, i), 0, row);
                offset[0] += row;
            }
        } else {
            for (int i = 0; i < n; i++) {
                fillNested(Array.get(nested, i), axis + 1, row, offset);
            }
        }
    }

    /**
     * The first elements of this block in C order as a block of {@code shape}: its data itself when they are all of it
     * (a chunk with leading axes of one voxel dropped, say), else a copy.
     */
    public Block leading(int... shape) {
        long n = elementCount(shape);
        if (n == length) {
            return new Block(type, shape, data);
        }
        Object out = newArray(type, (int) n);
        System.arraycopy(data, 0, out, 0, (int) n);
        return new Block(type, shape, out);
    }

    /**
     * This block with its axes permuted as numpy's {@code transpose(axes)}: axis {@code a} of the result is axis
     * {@code axes[a]} of this (a Zarr chunk kept in another axis order, say).
     */
    public Block transposed(int... axes) {
        int r = rank();
        int[] outShape = new int[r];
        int[] stride = new int[r];
        int[] srcStride = new int[r];
        srcStride[r - 1] = 1;
        for (int a = r - 2; a >= 0; a--) {
            srcStride[a] = srcStride[a + 1] * shape[a + 1];
        }
        for (int a = 0; a < r; a++) {
            outShape[a] = shape[axes[a]];
            stride[a] = srcStride[axes[a]];
        }
        Block out = zeros(type, outShape);
        if (out.size() == 0) {
            return out;
        }
        int[] idx = new int[r];
        int at = 0;
        int row = outShape[r - 1];
        int step = stride[r - 1];
        for (int i = 0; i < out.size(); i += row) {
            for (int j = 0; j < row; j++) {
                out.setRaw(i + j, this, at + j * step);
            }
            int a = r - 2;
            while (a >= 0 && ++idx[a] == outShape[a]) {
                at -= (outShape[a] - 1) * stride[a];
                idx[a] = 0;
                a--;
            }
            if (a >= 0) {
                at += stride[a];
            }
        }
        return out;
    }

    /** Element {@code i} of this block set to element {@code j} of {@code src}, a block of the same type. */
    private void setRaw(int i, Block src, int j) {
        switch (type) {
            case UINT8, INT8 -> ((byte[]) data)[i] = ((byte[]) src.data)[j];
            case UINT16, INT16 -> ((short[]) data)[i] = ((short[]) src.data)[j];
            case UINT32, INT32 -> ((int[]) data)[i] = ((int[]) src.data)[j];
            case UINT64, INT64 -> ((long[]) data)[i] = ((long[]) src.data)[j];
            case FLOAT32 -> ((float[]) data)[i] = ((float[]) src.data)[j];
            case FLOAT64 -> ((double[]) data)[i] = ((double[]) src.data)[j];
        }
    }

    /** True when type, shape and every element are equal. */
    public boolean contentEquals(Block other) {
        if (other.type != type || !Arrays.equals(other.shape, shape)) {
            return false;
        }
        return switch (type.bytes()) {
            case 1 -> Arrays.equals((byte[]) data, (byte[]) other.data);
            case 2 -> Arrays.equals((short[]) data, (short[]) other.data);
            case 4 -> type == DataType.FLOAT32 ? Arrays.equals((float[]) data, (float[]) other.data)
                    : Arrays.equals((int[]) data, (int[]) other.data);
            default -> type == DataType.FLOAT64 ? Arrays.equals((double[]) data, (double[]) other.data)
                    : Arrays.equals((long[]) data, (long[]) other.data);
        };
    }

    @Override
    public String toString() {
        return type.label() + Arrays.toString(shape);
    }
}
