"""Mirror of GanSharp.Bench's PhaseProfile: where a toy iteration's time goes, by the thread's own CPU clock.

Usage: /usr/bin/python3 phases.py <batch> [iterations] [warmup]   (threads: 1)
"""
import sys
import time

import torch
import torch.nn.functional as F

from bench import ToyRow

PHASES = ["k discriminator steps (data, noise, G forward, D forward and backward, D's optimiser)",
          "generator gradient (noise, G and D forward, backward, ‖∇L_G‖)", "G's optimiser step", "numbers read to the host"]


def main():
    batch = int(sys.argv[1])
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    torch.set_num_threads(1)
    row = ToyRow(batch)
    total = [0.0] * len(PHASES)
    d_params = list(row.d.parameters())
    for it in range(warmup + iterations):
        marks = [time.thread_time()]
        mark = lambda: marks.append(time.thread_time())
        real = row.data.sample(batch)
        z = torch.randn(batch, 2, generator=row.noise)
        with torch.no_grad():
            fake = row.g(z)
        real_logits, fake_logits = row.d(real).squeeze(1), row.d(fake).squeeze(1)
        d_loss = F.softplus(-real_logits).mean() + F.softplus(fake_logits).mean()
        row.opt_d.zero_grad()
        d_loss.backward()
        row.opt_d.step(); mark()
        # As GanTrainer.Step: D's weights leave the graph of G's step.
        for p in d_params:
            p.requires_grad_(False)
        g_loss = F.softplus(-row.d(row.g(torch.randn(batch, 2, generator=row.noise))).squeeze(1)).mean()
        row.opt_g.zero_grad()
        g_loss.backward()
        for p in d_params:
            p.requires_grad_(True)
        grad_norm = torch.stack([p.grad.pow(2).sum() for p in row.g.parameters()]).sum().sqrt(); mark()
        row.opt_g.step(); mark()
        torch.stack([d_loss.detach(), g_loss.detach(), -d_loss.detach(), real_logits.detach().sigmoid().mean(),
                     fake_logits.detach().sigmoid().mean(), grad_norm]).double().tolist(); mark()
        if it >= warmup:
            for i in range(len(PHASES)):
                total[i] += (marks[i + 1] - marks[i]) * 1000.0
    print(f"| phase (PyTorch, batch {batch}, threads {torch.get_num_threads()}) | thread CPU ms per iteration |")
    print("|---|---|")
    for name, t in zip(PHASES, total):
        print(f"| {name} | {t / iterations:.3f} |")
    print(f"| total | {sum(total) / iterations:.3f} |")


if __name__ == "__main__":
    main()
