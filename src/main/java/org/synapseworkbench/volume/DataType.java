package org.synapseworkbench.volume;

import java.util.Locale;

/** Element types a volume can hold. Unsigned types are kept compact: uint8 in a byte, uint64 in a long. */
public enum DataType {
    UINT8(1, false, false),
    UINT16(2, false, false),
    UINT32(4, false, false),
    UINT64(8, false, false),
    INT8(1, true, false),
    INT16(2, true, false),
    INT32(4, true, false),
    INT64(8, true, false),
    FLOAT32(4, true, true),
    FLOAT64(8, true, true);

    private final int bytes;
    private final boolean signed;
    private final boolean floating;

    DataType(int bytes, boolean signed, boolean floating) {
        this.bytes = bytes;
        this.signed = signed;
        this.floating = floating;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isFloating() {
        return floating;
    }

    /** True for the integer types that label volumes use. */
    public boolean isInteger() {
        return !floating;
    }

    /** The name h5py and numpy use, e.g. {@code uint8}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The integer type of the given width and signedness. */
    public static DataType integer(int bytes, boolean signed) {
        for (DataType t : values()) {
            if (!t.floating && t.bytes == bytes && t.signed == signed) {
                return t;
            }
        }
        throw new IllegalArgumentException("no " + (signed ? "signed" : "unsigned") + " integer of " + bytes + " bytes");
    }

    /** Parses a name such as {@code uint64} (case-insensitive). */
    public static DataType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown element type '" + name + "'; use one of uint8, uint16, "
                    + "uint32, uint64, int8, int16, int32, int64, float32, float64");
        }
    }
}
