"""The `momentum-fr analyze configs/fsgdm-cifar100.yaml --format json` job done with python3 + scipy,
for the benchmark's ratio: the official FSGDM step rule, scipy.signal.freqz per coefficient segment on
the same 512-point grid (include_nyquist), |H| in dB, unwrapped phase, scipy.signal.group_delay, the
closed-form metrics, and json.dump of the same document shape. Only run by test/bench/run.js."""
import json
import sys

import numpy as np
from scipy import signal


def fsgdm_segments(sigma=117000, n_stages=300, c=0.033):
    delta = sigma // n_stages
    mu = c * sigma
    out = []
    for j in range(sigma // delta + 1):
        start = j * delta
        lo, hi = max(1, start), min(start + delta - 1, sigma)
        if lo <= hi:
            out.append((lo, hi, start / (start + mu)))
    return out


def main():
    w = np.linspace(0, np.pi, 512)
    stages = []
    for i, (lo, hi, u) in enumerate(fsgdm_segments()):
        v = 1.0
        _, h = signal.freqz([v], [1, -u], worN=w)
        mag = np.abs(h)
        _, gd = signal.group_delay(([v], [1, -u]), w=w)
        dc, nyq = v / (1 - u), v / (1 + u)
        stages.append({
            "index": i, "startStep": lo, "endStep": hi, "u": u, "v": v,
            "metrics": {"dcGain": dc, "dcGainDb": 20 * np.log10(dc), "nyquistGain": nyq,
                        "nyquistGainDb": 20 * np.log10(nyq), "noiseGain": v * v / (1 - u * u),
                        "groupDelayDc": u / (1 - u)},
            "response": {"magnitude": mag.tolist(), "magnitudeDb": (20 * np.log10(mag)).tolist(),
                         "phase": np.unwrap(np.angle(h)).tolist(), "groupDelay": gd.tolist()},
        })
    doc = {"schemaVersion": 1, "schedules": [{"name": "fsgdm-cifar100", "steps": 117000,
                                              "stageCount": len(stages), "frequencies": w.tolist(), "stages": stages}]}
    json.dump(doc, sys.stdout)


if __name__ == "__main__":
    main()
