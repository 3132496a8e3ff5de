#!/usr/bin/env python3
"""Peer timings for Synapse Workbench's post-processing and evaluation: SciPy on the same data.

Run by `synapse-workbench benchmark evaluate`. Needs Debian's packages (apt-get install -y python3-scipy
python3-h5py). By hand, from the repository:
    /usr/bin/python3 src/main/resources/org/synapseworkbench/bench/scipy_reference.py --truth T.h5[:dataset] \
        --prediction P.h5[:dataset] [--threshold 127]

Without files it makes a random test pair of --shape (default 125,1250,1250) in memory (seeded).
Prints one JSON line: seconds for the anisotropic distance transforms (40,4,4 nm), for the CREMI cleft
metrics built on them, and for 6-connected labelling of the prediction mask.
"""
import argparse, json, time
import numpy as np
from scipy import ndimage

NO_CLEFT = np.uint64(0xFFFFFFFFFFFFFFFF)
IGNORE = np.uint64(0xFFFFFFFFFFFFFFFE)


def load(spec):
    import h5py
    path, _, name = spec.partition(":")
    with h5py.File(path, "r") as f:
        if not name:
            name = "volumes/labels/clefts" if "volumes/labels/clefts" in f else list(f.keys())[0]
        return f[name][()]


def as_mask(vol, threshold):
    """True where a cleft is: CREMI ids (background all-ones), uint8 probabilities, or 0/1 masks."""
    if vol.dtype == np.uint64:
        return (vol != NO_CLEFT) & (vol != IGNORE) & (vol != 0 if threshold is None else True)
    if threshold is not None:
        return vol > threshold
    return vol > 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--truth"); ap.add_argument("--prediction")
    ap.add_argument("--shape", default="125,1250,1250")
    ap.add_argument("--threshold", type=int, default=None)
    a = ap.parse_args()
    if a.truth and a.prediction:
        truth_raw, pred_raw = load(a.truth), load(a.prediction)
        if pred_raw.ndim == 4:
            pred_raw = pred_raw[0]
        invalid = truth_raw == IGNORE if truth_raw.dtype == np.uint64 else np.zeros(truth_raw.shape, bool)
        truth = as_mask(truth_raw, None)
        pred = as_mask(pred_raw, a.threshold)
    else:
        shape = tuple(int(v) for v in a.shape.split(","))
        rng = np.random.default_rng(0)
        truth = np.zeros(shape, bool)
        pred = np.zeros(shape, bool)
        for m in (truth, pred):
            for _ in range(200):
                z, y, x = (int(rng.integers(0, s - 8)) for s in shape)
                m[z:z + 3, y:y + 40, x:x + 6] = True
        invalid = np.zeros(shape, bool)
    t0 = time.perf_counter()
    test_bg = ~pred | invalid
    truth_bg = ~truth | invalid
    test_edt = ndimage.distance_transform_edt(test_bg, sampling=(40, 4, 4))
    truth_edt = ndimage.distance_transform_edt(truth_bg, sampling=(40, 4, 4))
    t_edt = time.perf_counter() - t0
    fp = int(np.count_nonzero(~test_bg & (truth_edt > 200)))
    fn = int(np.count_nonzero(~truth_bg & (test_edt > 200)))
    adgt = float(truth_edt[~test_bg].mean()) if (~test_bg).any() else None
    adf = float(test_edt[~truth_bg].mean()) if (~truth_bg).any() else None
    t_metrics = time.perf_counter() - t0
    t1 = time.perf_counter()
    _, n = ndimage.label(pred)
    t_label = time.perf_counter() - t1
    print(json.dumps({"peer": "scipy", "shape": list(pred.shape), "edt_s": round(t_edt, 3),
                      "cremi_metrics_s": round(t_metrics, 3), "label6_s": round(t_label, 3), "components": int(n),
                      "fp_count": fp, "fn_count": fn, "adgt": adgt, "adf": adf,
                      "cremi_score": None if adgt is None or adf is None else (adgt + adf) / 2}))


if __name__ == "__main__":
    main()
