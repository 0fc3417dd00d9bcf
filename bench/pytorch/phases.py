"""Mirror of GanSharp.Bench's PhaseProfile: where a toy iteration's time goes, by the thread's own CPU clock.

Usage: /usr/bin/python3 phases.py <batch> [iterations] [warmup]   (threads: 1)
"""
import sys
import time

import torch
import torch.nn.functional as F

from bench import ToyRow

PHASES = ["real batch (ring sampler)", "noise", "G forward, no grad", "D forward on real and fake + loss", "zero_grad of D",
          "D backward", "Adam step of D", "G and D forward for G's loss", "zero_grad + backward for G", "Adam step of G",
          "numbers read to the host"]


def main():
    batch = int(sys.argv[1])
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    torch.set_num_threads(1)
    row = ToyRow(batch)
    total = [0.0] * len(PHASES)
    for it in range(warmup + iterations):
        marks = [time.thread_time()]
        mark = lambda: marks.append(time.thread_time())
        real = row.data.sample(batch); mark()
        z = torch.randn(batch, 2, generator=row.noise); mark()
        with torch.no_grad():
            fake = row.g(z)
        mark()
        d_loss = F.softplus(-row.d(real).squeeze(1)).mean() + F.softplus(row.d(fake).squeeze(1)).mean(); mark()
        row.opt_d.zero_grad(); mark()
        d_loss.backward(); mark()
        row.opt_d.step(); mark()
        g_loss = F.softplus(-row.d(row.g(torch.randn(batch, 2, generator=row.noise))).squeeze(1)).mean(); mark()
        row.opt_g.zero_grad()
        g_loss.backward(); mark()
        row.opt_g.step(); mark()
        torch.stack([d_loss.detach(), g_loss.detach()]).double().tolist(); mark()
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
