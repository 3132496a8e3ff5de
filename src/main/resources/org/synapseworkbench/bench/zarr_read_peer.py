#!/usr/bin/env python3
"""Peer timings for Synapse Workbench's Zarr reading: zarr-python on the same arrays, in the same run.

Run by `synapse-workbench benchmark zarr-read`; needs Debian's python3-zarr. For each array named, prints one JSON
line with the median seconds to open it and read the first z-section, and to read it whole, and the section's sum.
"""
import json, statistics, sys, time

import zarr


def main():
    repeats = int(sys.argv[1])
    for path in sys.argv[2:]:
        first, whole = [], []
        for _ in range(repeats):
            t0 = time.perf_counter()
            s = zarr.open(path, mode="r")[0]
            first.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            a = zarr.open(path, mode="r")[...]
            whole.append(time.perf_counter() - t0)
        print(json.dumps({"peer": "zarr-python " + zarr.__version__, "path": path,
                          "first_section_s": statistics.median(first), "whole_s": statistics.median(whole),
                          "checksum": int(s.sum(dtype="int64")), "shape": list(a.shape)}))


if __name__ == "__main__":
    main()
