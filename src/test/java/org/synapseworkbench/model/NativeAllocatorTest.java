package org.synapseworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import org.junit.jupiter.api.Test;

/**
 * {@link NativeAllocator} on Linux with glibc: after {@link TorchEngine#get()}, a 16 MiB block comes from the
 * heap, not from a fresh mapping (glibc's default would map it: its threshold starts at 128 KiB), read from
 * glibc's own count of mapped bytes.
 */
class NativeAllocatorTest {

    /** glibc's {@code struct mallinfo2} (glibc 2.33 and later), ten size_t fields. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
            "keepcost"})
    public static class MallInfo extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        /** Bytes in blocks mapped with mmap. */
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    @Test
    void largeBlocksComeFromTheHeapAfterTheEngineStarts() {
        assumeTrue(Platform.isLinux() && System.getenv("GLIBC_TUNABLES") == null
                && System.getenv().keySet().stream().noneMatch(k -> k.startsWith("MALLOC_")), "Linux, malloc not set by the user");
        TorchEngine.get();
        assertEquals("malloc keeps freed memory", TorchEngine.allocatorTuning().split(", ")[0]);
        NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
        Function mallinfo2 = c.getFunction("mallinfo2");
        long mappedBefore = ((MallInfo) mallinfo2.invoke(MallInfo.class, new Object[0])).hblkhd;
        Pointer block = c.getFunction("malloc").invokePointer(new Object[] {16L << 20});
        long mappedDuring = ((MallInfo) mallinfo2.invoke(MallInfo.class, new Object[0])).hblkhd;
        c.getFunction("free").invokeVoid(new Object[] {block});
        assertEquals(mappedBefore, mappedDuring, "bytes mapped by malloc before and while a 16 MiB block is held");
    }
}
