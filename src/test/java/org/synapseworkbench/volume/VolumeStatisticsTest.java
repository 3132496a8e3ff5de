package org.synapseworkbench.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics read box by box are the statistics of the whole, whatever the box. */
class VolumeStatisticsTest {
    @Test
    void anyBoxSizeCountsTheSame(@TempDir Path dir) {
        Block labels = Block.zeros(DataType.UINT64, 6, 40, 50);
        Random r = new Random(3);
        Map<Long, Long> counts = new HashMap<>();
        long noCleft = 0;
        long ignore = 0;
        long zero = 0;
        for (int i = 0; i < labels.size(); i++) {
            int k = r.nextInt(10);
            long v = k < 4 ? Cremi.NO_CLEFT : k == 4 ? Cremi.IGNORE : k == 5 ? 0 : 1 + r.nextInt(7);
            labels.setLong(i, v);
            if (v == Cremi.NO_CLEFT) {
                noCleft++;
            } else if (v == Cremi.IGNORE) {
                ignore++;
            } else if (v == 0) {
                zero++;
            } else {
                counts.merge(v, 1L, Long::sum);
            }
        }
        Path f = dir.resolve("l.h5");
        new Hdf5Writer().dataset("main", labels, new int[] {2, 8, 8}, Map.of()).write(f);
        try (Hdf5Volume v = Hdf5Volume.open(f, "main")) {
            for (long box : new long[] {1, 200, 1000, 5000, 1L << 24}) {
                VolumeStatistics s = VolumeStatistics.of(v, 100, box);
                assertEquals(labels.size(), s.voxels, "box " + box);
                assertEquals(counts, s.idCounts, "box " + box);
                assertEquals(noCleft, s.noCleft);
                assertEquals(ignore, s.ignore);
                assertEquals(zero, s.background);
                assertEquals(0, s.min, "0 counts, CREMI's values do not");
                assertEquals(7, s.max);
            }
        }
    }
}
