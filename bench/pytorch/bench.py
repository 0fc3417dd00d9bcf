"""PyTorch side of bench/run.sh: times one row and writes its per-iteration times as JSON.

Usage: /usr/bin/python3 bench.py <row> [--iterations N] [--warmup N] [--threads N] [--rss-every N] [--out file.json]
Rows mirror bench/GanSharp.Bench: toy<batch>[w<width>] (e.g. toy100, toy512, toy256w64), dcgan28, dcgan28b<batch>,
dcgan64, sample64, matmul.
"""
import argparse
import json
import math
import re
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn


def resident_mib(key):
    """VmRSS (current) or VmHWM (peak) of this process, in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def mlp(inputs, outputs, hidden=3, width=128):
    """in → [Linear → ReLU] × 3 → Linear → out, as GanSharp's Mlp.Build; PyTorch's default Linear init."""
    layers, w = [], inputs
    for _ in range(hidden):
        layers += [nn.Linear(w, width), nn.ReLU()]
        w = width
    layers.append(nn.Linear(w, outputs))
    return nn.Sequential(*layers)


class Ring:
    """8 Gaussians on a circle of radius 2, σ = 0.02, sampled as GanSharp's GaussianMixture does."""

    def __init__(self, generator, modes=8, radius=2.0, stddev=0.02):
        self.generator = generator
        self.weights = torch.full((modes,), 1.0 / modes, dtype=torch.float64)
        self.means = torch.tensor([[radius * math.cos(2 * math.pi * k / modes), radius * math.sin(2 * math.pi * k / modes)]
                                   for k in range(modes)], dtype=torch.float64)
        self.stds = torch.full((modes,), stddev, dtype=torch.float64)

    def sample(self, n):
        component = torch.multinomial(self.weights, n, replacement=True, generator=self.generator)  # [n]
        noise = torch.randn(n, 2, dtype=torch.float64, generator=self.generator)                    # [n, 2]
        x = self.means.index_select(0, component) + noise * self.stds.index_select(0, component).unsqueeze(1)
        return x.float()


def generator_step_and_read(g, d_logits, opt_g, z, d_loss, real_logits, fake_logits):
    """One non-saturating generator step on z, then the iteration's six numbers (as GanTrainer.Step reports them),
    read from the device in one synchronisation."""
    g_loss = F.softplus(-d_logits(g(z))).mean()
    opt_g.zero_grad()
    g_loss.backward()
    grad_norm = torch.stack([p.grad.pow(2).sum() for p in g.parameters()]).sum().sqrt()
    opt_g.step()
    d = d_loss.detach()
    numbers = torch.stack([d, g_loss.detach(), -d, real_logits.detach().sigmoid().mean(),
                           fake_logits.detach().sigmoid().mean(), grad_norm]).double().tolist()
    if not all(math.isfinite(v) for v in numbers):
        raise RuntimeError("training diverged")
    return numbers


class ToyRow:
    """Algorithm 1 on the toy ring: k = 1 D step, 1 G step (non-saturating), Adam(1e-4, (0.5, 0.999)); the same
    per-iteration numbers as GanTrainer.Step, read from the device in one synchronisation."""

    def __init__(self, batch, width=128, k=1):
        torch.manual_seed(0)
        self.m, self.k = batch, k
        self.g, self.d = mlp(2, 2, width=width), mlp(2, 1, width=width)
        self.opt_g = torch.optim.Adam(self.g.parameters(), lr=1e-4, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(self.d.parameters(), lr=1e-4, betas=(0.5, 0.999))
        self.data = Ring(torch.Generator().manual_seed(1))
        self.noise = torch.Generator().manual_seed(2)
        self.flops_per_iteration = 0.0

    def step(self):
        m = self.m
        for _ in range(self.k):
            real = self.data.sample(m)
            z = torch.randn(m, 2, generator=self.noise)
            with torch.no_grad():
                fake = self.g(z)
            real_logits = self.d(real).squeeze(1)
            fake_logits = self.d(fake).squeeze(1)
            d_loss = F.softplus(-real_logits).mean() + F.softplus(fake_logits).mean()
            self.opt_d.zero_grad()
            d_loss.backward()
            self.opt_d.step()
        z = torch.randn(m, 2, generator=self.noise)
        generator_step_and_read(self.g, lambda x: self.d(x).squeeze(1), self.opt_g, z, d_loss, real_logits, fake_logits)


def dcgan_generator(size, channels, nz=100, f=64):
    """GanSharp's DcganGenerator: z → [nz, 1, 1] → ConvT to the base grid, then stride-2 ConvT doublings; BN + ReLU; tanh."""
    levels = {28: 2, 32: 3, 64: 4}[size]
    base = 7 if size == 28 else 4
    width = lambda level: f << (levels - 1 - level)
    layers = [nn.ConvTranspose2d(nz, width(0), base, 1, 0, bias=False), nn.BatchNorm2d(width(0)), nn.ReLU()]
    for i in range(1, levels):
        layers += [nn.ConvTranspose2d(width(i - 1), width(i), 4, 2, 1, bias=False), nn.BatchNorm2d(width(i)), nn.ReLU()]
    layers += [nn.ConvTranspose2d(width(levels - 1), channels, 4, 2, 1), nn.Tanh()]
    return dcgan_init(nn.Sequential(*layers))


def dcgan_discriminator(size, channels, f=64):
    """GanSharp's DcganDiscriminator: stride-2 convolutions, BN (not on the first), LeakyReLU(0.2), a logit convolution."""
    levels = {28: 2, 32: 3, 64: 4}[size]
    base = 7 if size == 28 else 4
    width = lambda level: f << (levels - 1 - level)
    layers = [nn.Conv2d(channels, width(levels - 1), 4, 2, 1, bias=False), nn.LeakyReLU(0.2)]
    for i in range(1, levels):
        layers += [nn.Conv2d(width(levels - i), width(levels - 1 - i), 4, 2, 1, bias=False),
                   nn.BatchNorm2d(width(levels - 1 - i)), nn.LeakyReLU(0.2)]
    layers += [nn.Conv2d(width(0), 1, base, 1, 0), nn.Flatten(0)]
    return dcgan_init(nn.Sequential(*layers))


def dcgan_init(model):
    """Radford et al. (2016): convolution weights ~ N(0, 0.02²), batch-norm scale ~ N(1, 0.02²), shift 0."""
    for layer in model.modules():
        if isinstance(layer, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(layer.weight, 0.0, 0.02)
        elif isinstance(layer, nn.BatchNorm2d):
            nn.init.normal_(layer.weight, 1.0, 0.02)
            nn.init.zeros_(layer.bias)
    return model


def conv_flops(model, size, channels, nz=100):
    """Forward multiply-adds × 2 of every (transposed) convolution, for one sample, from the layer shapes."""
    total, shape = 0.0, None
    for layer in model:
        if isinstance(layer, nn.ConvTranspose2d):
            side = 1 if shape is None else shape
            total += 2.0 * layer.in_channels * layer.out_channels * layer.kernel_size[0] ** 2 * side * side
            shape = (side - 1) * layer.stride[0] - 2 * layer.padding[0] + layer.kernel_size[0]
        elif isinstance(layer, nn.Conv2d):
            side = size if shape is None else shape
            shape = (side + 2 * layer.padding[0] - layer.kernel_size[0]) // layer.stride[0] + 1
            total += 2.0 * layer.in_channels * layer.out_channels * layer.kernel_size[0] ** 2 * shape * shape
    return total


class DcganTrainRow:
    """One Algorithm 1 iteration of a DCGAN on images already in memory: k = 1, non-saturating G loss,
    Adam(2e-4, (0.5, 0.999)), batch 64, as GanSharp's GanTrainer; the same numbers read once per iteration."""

    def __init__(self, size, channels, batch=64, nz=100):
        torch.manual_seed(0)
        self.m, self.nz = batch, nz
        self.g, self.d = dcgan_generator(size, channels, nz), dcgan_discriminator(size, channels)
        self.opt_g = torch.optim.Adam(self.g.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(self.d.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.images = torch.rand(1024, channels, size, size) * 2 - 1
        self.data = torch.Generator().manual_seed(1)
        self.noise = torch.Generator().manual_seed(2)
        g_f, d_f = conv_flops(self.g, size, channels, nz), conv_flops(self.d, size, channels)
        # D step: G forward (m), D forward and backward (inputs and weights) on 2m; G step: G and D forward (m),
        # D backward to its input only, G backward (inputs and weights).
        self.flops_per_iteration = batch * (g_f + 3 * 2 * d_f + g_f + d_f + d_f + 2 * g_f)

    def step(self):
        m = self.m
        real = self.images.index_select(0, torch.randint(0, self.images.shape[0], (m,), generator=self.data))
        z = torch.randn(m, self.nz, 1, 1, generator=self.noise)
        with torch.no_grad():
            fake = self.g(z)
        real_logits, fake_logits = self.d(real), self.d(fake)
        d_loss = F.softplus(-real_logits).mean() + F.softplus(fake_logits).mean()
        self.opt_d.zero_grad()
        d_loss.backward()
        self.opt_d.step()
        z = torch.randn(m, self.nz, 1, 1, generator=self.noise)
        generator_step_and_read(self.g, self.d, self.opt_g, z, d_loss, real_logits, fake_logits)


class DcganSampleRow:
    """DCGAN-64 RGB generator sampling without gradients, in eval mode: batch 256 per iteration."""

    def __init__(self, batch=256, nz=100):
        torch.manual_seed(0)
        self.m, self.nz = batch, nz
        self.g = dcgan_generator(64, 3, nz).eval()
        self.noise = torch.Generator().manual_seed(3)
        self.flops_per_iteration = batch * conv_flops(self.g, 64, 3, nz)

    def step(self):
        with torch.no_grad():
            self.g(torch.randn(self.m, self.nz, 1, 1, generator=self.noise))


class MatmulPeakRow:
    """One 2048 × 2048 float32 matrix product: 2n³ operations."""

    def __init__(self, n=2048):
        self.a, self.b = torch.randn(n, n), torch.randn(n, n)
        self.flops_per_iteration = 2.0 * n ** 3

    def step(self):
        self.a.matmul(self.b)


def create(row):
    if row == "matmul":
        return MatmulPeakRow()
    if row == "dcgan28":
        return DcganTrainRow(28, 1)
    if row == "dcgan64":
        return DcganTrainRow(64, 3)
    if row == "sample64":
        return DcganSampleRow()
    toy = re.fullmatch(r"toy([1-9][0-9]*)(?:w([1-9][0-9]*))?", row)
    if toy:
        return ToyRow(int(toy[1]), int(toy[2] or 128))
    dcgan = re.fullmatch(r"dcgan28b([1-9][0-9]*)", row)
    if dcgan:
        return DcganTrainRow(28, 1, batch=int(dcgan[1]))
    raise SystemExit(f"Unknown row '{row}'.")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("row")
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--threads", type=int)
    parser.add_argument("--rss-every", type=int, default=0)
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    row = create(args.row)
    for _ in range(args.warmup):
        row.step()
    rss_after_warmup = resident_mib("VmRSS:")
    times, rss = [], []
    cpu_start = time.process_time()
    for i in range(args.iterations):
        start = time.perf_counter()
        row.step()
        times.append((time.perf_counter() - start) * 1000.0)
        if args.rss_every and (i + 1) % args.rss_every == 0:
            rss.append([i + 1, resident_mib("VmRSS:")])
    cpu_per_iteration = (time.process_time() - cpu_start) * 1000.0 / args.iterations
    result = {
        "side": "pytorch", "row": args.row, "threads": torch.get_num_threads(), "iterations": args.iterations,
        "warmup": args.warmup, "times_ms": times, "cpu_ms_per_iteration": cpu_per_iteration, "flops_per_iteration": row.flops_per_iteration,
        "rss_after_warmup_mib": rss_after_warmup, "rss_mib": rss, "peak_rss_mib": resident_mib("VmHWM:"),
        "runtime": f"PyTorch {torch.__version__}, Python {sys.version.split()[0]}",
    }
    text = json.dumps(result)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        print(text)
    ordered = sorted(times)
    print(f"pytorch {args.row}: median {ordered[len(ordered) // 2]:.3f} ms (CPU {cpu_per_iteration:.3f} ms) over {len(times)} iterations, "
          f"threads {torch.get_num_threads()}, peak RSS {resident_mib('VmHWM:'):.0f} MiB", file=sys.stderr)


if __name__ == "__main__":
    main()
