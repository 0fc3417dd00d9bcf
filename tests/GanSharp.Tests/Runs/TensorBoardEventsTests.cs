using GanSharp.Runs;
using GanSharp.Tests.Data;
using SkiaSharp;

namespace GanSharp.Tests.Runs;

public sealed class TensorBoardEventsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Crc32c_of_the_standard_check_string_is_e3069283()
    {
        // The check value of CRC-32C (Castagnoli) for the ASCII digits 1…9 (RFC 3720, B.4).
        Assert.Equal(0xE3069283u, TensorBoardEvents.Crc32C("123456789"u8));
    }

    [Fact]
    public void Discarding_the_steps_after_3_leaves_steps_1_to_3_byte_for_byte_as_torchsharp_wrote_them()
    {
        var folder = _dir.File("tb");
        var writer = TorchSharp.torch.utils.tensorboard.SummaryWriter(folder);
        for (int step = 1; step <= 5; step++) writer.add_scalar("x", step * 0.5f, step);
        var file = Directory.GetFiles(folder, "events.out.tfevents.*").Single();
        var written = File.ReadAllBytes(file);

        int removed = TensorBoardEvents.DiscardAfter(folder, 3);

        Assert.Equal(2, removed);
        Assert.Equal(new[] { ("x", 1L), ("x", 2L), ("x", 3L) }, TensorBoardEvents.Values(folder));
        // Our records and CRCs equal TorchSharp's: the trimmed file is a prefix of the original.
        var trimmed = File.ReadAllBytes(file);
        Assert.Equal(written[..trimmed.Length], trimmed);
    }

    [Fact]
    public void A_record_cut_short_by_a_kill_is_dropped()
    {
        var folder = _dir.File("tb");
        var writer = TorchSharp.torch.utils.tensorboard.SummaryWriter(folder);
        for (int step = 1; step <= 2; step++) writer.add_scalar("x", step, step);
        var file = Directory.GetFiles(folder, "events.out.tfevents.*").Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^5]);

        TensorBoardEvents.DiscardAfter(folder, 100);

        Assert.Equal(new[] { ("x", 1L) }, TensorBoardEvents.Values(folder));
    }

    [Fact]
    public void After_a_kill_and_a_resume_tensorboard_holds_every_step_once()
    {
        var pictures = _dir.File("pictures");
        for (int i = 0; i < 12; i++)
            TestPictures.Write(Path.Combine(pictures, $"{i}.png"), 28, 28, (x, y) => Math.Abs(x - 2 * i - 3) < 3 ? SKColors.White : SKColors.Black);
        var options = Settings.Of(pictures, ("image_size", 28), ("channels", 1), ("latent_dim", 4), ("features", 2), ("epochs", 5), ("batch_size", 3),
            ("seed", 2), ("sample_every", 4), ("sample_count", 4), ("checkpoint_every", 10), ("threads", 1));
        var folder = _dir.File("run");
        using (var killed = GanRun.Start(options, folder))
        {
            // Stands in for SIGKILL at iteration 13: iteration 12's sample grid is logged, the last checkpoint is iteration 10's.
            killed.Progress += p => { if (p.Iteration == 13) throw new OperationCanceledException("killed"); };
            Assert.Throws<OperationCanceledException>(() => killed.Run());
        }
        Assert.Contains(("samples", 12L), TensorBoardEvents.Values(Path.Combine(folder, "tensorboard")));

        using (var resumed = GanRun.Resume(folder)) Assert.Equal(20, resumed.Run().Iteration);

        var values = TensorBoardEvents.Values(Path.Combine(folder, "tensorboard"));
        var repeated = values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(repeated);
        Assert.Contains(("samples", 12L), values);
        Assert.Contains(("loss/generator", 20L), values);
        Assert.Equal(new long[] { 0, 4, 8, 12, 16, 20 }, values.Where(v => v.Tag == "samples").Select(v => v.Step).Order());
    }
}
