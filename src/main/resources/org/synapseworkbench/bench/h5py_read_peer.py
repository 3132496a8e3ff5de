#!/usr/bin/env python3
"""Peer timings for Synapse Workbench's HDF5 reading: h5py on the same file, in the same run.

Run by `synapse-workbench benchmark hdf5-read`; needs Debian's python3-h5py. Prints one JSON line with the
median seconds to open the file and read the first z-section, and to read the whole dataset.
"""
import json, statistics, sys, time

import h5py


def main():
    path, name, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    first, whole = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        with h5py.File(path, "r") as f:
            s = f[name][0]
        first.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with h5py.File(path, "r") as f:
            a = f[name][()]
        whole.append(time.perf_counter() - t0)
    print(json.dumps({"peer": "h5py " + h5py.__version__, "first_section_s": statistics.median(first),
                      "whole_s": statistics.median(whole), "shape": list(a.shape), "checksum": int(s.sum())}))


if __name__ == "__main__":
    main()
