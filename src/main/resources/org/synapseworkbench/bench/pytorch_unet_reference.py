#!/usr/bin/env python3
"""Peer timing for Synapse Workbench: the PyTC-style 3D U-Net (residual_se blocks) in plain PyTorch, on CPU.

Run by `synapse-workbench benchmark train` and `benchmark infer` beside the workbench's own measurement with the
same settings; compare the medians as a ratio measured in one sitting (the machine is shared and noisy). Needs
Debian's PyTorch (apt-get install -y python3-torch). By hand, from the repository:

    /usr/bin/python3 src/main/resources/org/synapseworkbench/bench/pytorch_unet_reference.py \
        --filters 32,64,96,128,160 --patch 17,129,129 --batch 1 --threads 2 --steps 10 --arch unet_3d --out-planes 1

Prints one JSON line: parameters, median/min/max ms per training step (forward, weighted BCE, backward,
SGD step) and ms per inference window (no grad, eval mode).
"""
import argparse, json, math, statistics, time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_norm_act(cin, cout, k, stride=1, norm="bn", act=True):
    pad = tuple(x // 2 for x in k)
    layers = [nn.Conv3d(cin, cout, k, stride=stride, padding=pad, bias=False, padding_mode="replicate")]
    if norm in ("bn", "sync_bn"):
        layers.append(nn.BatchNorm3d(cout))
    elif norm == "gn":
        layers.append(nn.GroupNorm(8, cout))
    if act:
        layers.append(nn.ELU(inplace=True))
    return nn.Sequential(*layers)


class SE(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(c, c // 4, bias=False), nn.ELU(inplace=True),
                                nn.Linear(c // 4, c, bias=False), nn.Sigmoid())

    def forward(self, x):
        w = self.fc(x.mean(dim=(2, 3, 4)))
        return x * w[:, :, None, None, None]


class ResidualSE(nn.Module):
    def __init__(self, c, norm, se=True):
        super().__init__()
        self.a = conv_norm_act(c, c, (1, 3, 3), norm=norm)
        self.b = conv_norm_act(c, c, (1, 3, 3), norm=norm, act=False)
        self.se = SE(c) if se else nn.Identity()

    def forward(self, x):
        return F.elu(self.se(self.b(self.a(x))) + x)


class UNet3D(nn.Module):
    """Stages: kernel (1,3,3) at 0-2 and (3,3,3) at 3-4; stride 1, (1,2,2), (1,2,2), 2, 2; add-skips."""

    def __init__(self, filters, in_planes=1, out_planes=1, norm="bn", se=True, plus=False):
        super().__init__()
        iso = [False, False, False, True, True]
        kern = [(3, 3, 3) if i else (1, 3, 3) for i in iso]
        stride = [1, (1, 2, 2), (1, 2, 2), 2, 2]
        self.conv_in = conv_norm_act(in_planes, filters[0], (1, 5, 5), norm=norm)
        self.down = nn.ModuleList()
        for i, f in enumerate(filters):
            prev = filters[max(i - 1, 0)]
            self.down.append(nn.Sequential(conv_norm_act(prev, f, kern[i], stride=stride[i], norm=norm),
                                           ResidualSE(f, norm, se)))
        self.up_conv = nn.ModuleList()
        self.up_block = nn.ModuleList()
        for i in range(len(filters) - 2, -1, -1):
            self.up_conv.append(conv_norm_act(filters[i + 1], filters[i], kern[i + 1], norm=norm))
            self.up_block.append(ResidualSE(filters[i], norm, se))
        self.plus = plus
        if plus:
            self.feat = nn.ModuleList([conv_norm_act(filters[-1], filters[i], (1, 1, 1), norm=norm)
                                       for i in range(len(filters) - 2, -1, -1)])
        self.conv_out = nn.Conv3d(filters[0], out_planes, (1, 5, 5), padding=(0, 2, 2), bias=True,
                                  padding_mode="replicate")

    def forward(self, x):
        x = self.conv_in(x)
        skips = []
        for i, stage in enumerate(self.down):
            x = stage(x)
            skips.append(x)
        bottom = x
        for j, (conv, block) in enumerate(zip(self.up_conv, self.up_block)):
            skip = skips[len(skips) - 2 - j]
            x = F.interpolate(conv(x), size=skip.shape[2:], mode="trilinear", align_corners=True) + skip
            if self.plus:
                x = x + F.interpolate(self.feat[j](bottom), size=skip.shape[2:], mode="trilinear",
                                      align_corners=True)
            x = block(x)
        return self.conv_out(x)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--filters", default="32,64,96,128,160")
    ap.add_argument("--patch", default="17,129,129")
    ap.add_argument("--batch", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--norm", default="bn")
    ap.add_argument("--arch", default="unet_3d", choices=["unet_3d", "unet_plus_3d"])
    ap.add_argument("--block", default="residual_se", choices=["residual", "residual_se"])
    ap.add_argument("--out-planes", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    filters = [int(v) for v in a.filters.split(",")]
    patch = [int(v) for v in a.patch.split(",")]
    net = UNet3D(filters, 1, a.out_planes, a.norm, a.block == "residual_se", a.arch == "unet_plus_3d")
    params = sum(p.numel() for p in net.parameters())
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    x = torch.randn(a.batch, 1, *patch)
    y = (torch.rand(a.batch, a.out_planes, *patch) > 0.9).float()
    w = 1 + 8 * y
    times = []
    net.train()
    for s in range(a.warmup + a.steps):
        t0 = time.perf_counter()
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(net(x), y, weight=w)
        loss.backward()
        opt.step()
        if s >= a.warmup:
            times.append((time.perf_counter() - t0) * 1000)
    net.eval()
    inf = []
    with torch.no_grad():
        for s in range(a.warmup + a.steps):
            t0 = time.perf_counter()
            torch.sigmoid(net(x))
            if s >= a.warmup:
                inf.append((time.perf_counter() - t0) * 1000)
    voxels = a.batch * math.prod(patch)
    print(json.dumps({
        "peer": "pytorch-" + torch.__version__, "arch": a.arch, "block": a.block, "filters": filters,
        "patch": patch, "batch": a.batch, "threads": a.threads, "params": params,
        "train_ms_median": round(statistics.median(times), 1), "train_ms_min": round(min(times), 1),
        "train_ms_max": round(max(times), 1), "infer_ms_median": round(statistics.median(inf), 1),
        "infer_voxels_per_s": round(voxels / (statistics.median(inf) / 1000)),
        "final_loss": round(float(loss), 4)}))


if __name__ == "__main__":
    main()
