#!/usr/bin/env python3
"""Writes the small h5py files the tests read (run with Debian's python3-h5py; the outputs are committed).

Every array is a simple formula of its indices, so the Java tests recompute the expected values exactly.
"""
import h5py
import numpy as np


def grid(shape):
    return np.indices(shape).astype(np.int64)


z, y, x = grid((11, 20, 23))
with h5py.File("chunked_uint8.h5", "w") as f:
    f.create_dataset("raw", data=((z * 31 + y * 7 + x * 3) % 256).astype(np.uint8), chunks=(5, 7, 9),
                     compression="gzip", compression_opts=4, shuffle=True)

with h5py.File("contiguous_uint16_be.h5", "w") as f:
    f.create_dataset("main", data=(z * 1000 + y * 50 + x).astype(">u2"))

with h5py.File("cremi_like.h5", "w") as f:
    raw = ((z * 13 + y * 5 + x) % 256).astype(np.uint8)
    clefts = np.full(z.shape, 0xFFFFFFFFFFFFFFFF, dtype=np.uint64)
    clefts[2:5, 3:9, 4:6] = 7
    clefts[6:8, 10:12, 10:20] = 0xFFFFFFFFFFFFFFFE
    clefts[9, 0, 0] = 2 ** 63 + 5
    d = f.create_dataset("volumes/raw", data=raw, chunks=(4, 8, 8), compression="gzip")
    d.attrs["resolution"] = np.array([40.0, 4.0, 4.0])
    d.attrs["offset"] = np.array([80.0, 8.0, 4.0])
    c = f.create_dataset("volumes/labels/clefts", data=clefts, chunks=(4, 8, 8), compression="gzip")
    c.attrs["resolution"] = np.array([40.0, 4.0, 4.0])

c4, z4, y4, x4 = grid((2, 3, 10, 12))
with h5py.File("float32_4d.h5", "w") as f:
    f.create_dataset("vol0", data=(c4 * 100 + z4 * 10 + y4 + x4 / 100.0).astype(np.float32), chunks=(1, 2, 5, 5),
                     compression="gzip")

with h5py.File("int64_labels.h5", "w") as f:
    f.create_dataset("seg", data=(z * 100000 + y * 100 + x - 500).astype(np.int64), chunks=(3, 10, 10),
                     compression="gzip")

with h5py.File("two_datasets.h5", "w") as f:
    f.create_dataset("a/image", data=np.zeros((2, 3, 4), np.uint8))
    f.create_dataset("b/labels", data=np.ones((2, 3, 4), np.uint32))

with h5py.File("sparse_fill.h5", "w") as f:
    d = f.create_dataset("main", shape=(8, 16, 16), dtype=np.uint32, chunks=(4, 8, 8), fillvalue=9,
                         compression="gzip")
    d[0:4, 0:8, 0:8] = 1

with h5py.File("image_2d.h5", "w") as f:
    f.create_dataset("main", data=np.zeros((10, 10), np.uint8))

# a volume that declares a huge shape but holds one written chunk: size checks must refuse work before it starts
with h5py.File("huge_declared.h5", "w") as f:
    d = f.create_dataset("volumes/raw", shape=(2000, 50000, 50000), dtype=np.uint8, chunks=(8, 128, 128),
                         compression="gzip")
    d[0:8, 0:128, 0:128] = 7
    c = f.create_dataset("volumes/labels/clefts", shape=(2000, 50000, 50000), dtype=np.uint64, chunks=(8, 128, 128),
                         compression="gzip", fillvalue=0xFFFFFFFFFFFFFFFF)
    c[0:8, 0:128, 0:128] = 3
