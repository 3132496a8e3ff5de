package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class BlockTest {
    @Test
    void unsignedValuesComeBackUnsigned() {
        Block u8 = Block.decode(DataType.UINT8, ByteOrder.LITTLE_ENDIAN, new byte[] {(byte) 255, 1}, 1, 1, 2);
        assertEquals(255, u8.getLong(0));
        Block u16 = Block.decode(DataType.UINT16, ByteOrder.BIG_ENDIAN, new byte[] {(byte) 0xFF, (byte) 0xFE}, 1, 1, 1);
        assertEquals(0xFFFE, u16.getLong(0));
        Block u32 = Block.decode(DataType.UINT32, ByteOrder.LITTLE_ENDIAN, new byte[] {1, 0, 0, (byte) 0x80}, 1, 1, 1);
        assertEquals(0x80000001L, u32.getLong(0));
        Block u64 = Block.zeros(DataType.UINT64, 1, 1, 1);
        u64.setLong(0, -1);
        assertEquals(1.8446744073709552E19, u64.getDouble(0), 1e4);
    }

    @Test
    void setDoubleClampsIntegers() {
        Block b = Block.zeros(DataType.UINT8, 1, 1, 3);
        b.setDouble(0, 300);
        b.setDouble(1, -4);
        b.setDouble(2, 127.6);
        assertArrayEquals(new long[] {255, 0, 128}, new long[] {b.getLong(0), b.getLong(1), b.getLong(2)});
    }

    @Test
    void copyFromMovesABox() {
        Block src = Block.zeros(DataType.INT32, 2, 3, 4);
        for (int i = 0; i < src.size(); i++) {
            src.setLong(i, i);
        }
        Block dst = Block.zeros(DataType.INT32, 1, 2, 2);
        dst.copyFrom(src, new int[] {1, 1, 2}, new int[] {0, 0, 0}, new int[] {1, 2, 2});
        assertEquals(src.getLong(src.index(1, 1, 2)), dst.getLong(0));
        assertEquals(src.getLong(src.index(1, 2, 3)), dst.getLong(3));
    }

    @Test
    void nestedArraysKeepRowMajorOrder() {
        Block b = Block.zeros(DataType.UINT16, 2, 2, 3);
        for (int i = 0; i < b.size(); i++) {
            b.setLong(i, i);
        }
        short[][][] n = (short[][][]) b.toNested();
        assertEquals(5, n[0][1][2]);
        assertEquals(9, n[1][1][0]);
    }
}
