"""Makes the TorchScript files beside this script: PyTorch functions that DJL does not expose, run by
org.synapseworkbench.model.TorchFunctions with autograd. Run with Debian's python3-torch:

    /usr/bin/python3 src/main/resources/org/synapseworkbench/model/torchscript_functions.py
"""
import os

import torch
import torch.nn.functional as F


class ReplicatePad(torch.nn.Module):
    """x (N, C, Z, Y, X) padded by pad[0], pad[1], pad[2] voxels on both sides of z, y, x, repeating edges."""

    def forward(self, x: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
        pz = int(pad[0])
        py = int(pad[1])
        px = int(pad[2])
        return F.pad(x, [px, px, py, py, pz, pz], mode="replicate")


here = os.path.dirname(os.path.abspath(__file__))
torch.jit.script(ReplicatePad()).save(os.path.join(here, "replicate_pad.pt"))
