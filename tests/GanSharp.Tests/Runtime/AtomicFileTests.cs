using GanSharp.Runtime;
using GanSharp.Visualization;
using static TorchSharp.torch;

namespace GanSharp.Tests.Runtime;

/// <summary>A full disk, simulated without root: the temporary file is a link to /dev/full, where every write fails with ENOSPC.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static bool FullDiskAvailable => OperatingSystem.IsLinux() && File.Exists("/dev/full");

    [Fact]
    public void A_png_written_to_a_full_disk_leaves_no_truncated_file()
    {
        if (!FullDiskAvailable) return;
        var path = _dir.File("frame.png");
        File.CreateSymbolicLink(path + AtomicFile.TemporarySuffix, "/dev/full");
        using var picture = ones(3, 64, 64);

        var failure = Assert.ThrowsAny<IOException>(() => PngImage.Write(path, picture));

        Assert.Contains("space", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + AtomicFile.TemporarySuffix));
    }

    [Fact]
    public void An_animation_written_to_a_full_disk_keeps_the_previous_one_whole()
    {
        if (!FullDiskAvailable) return;
        var frame = _dir.File("frame.png");
        using (var picture = zeros(1, 8, 8)) PngImage.Write(frame, picture);
        var gif = _dir.File("training.gif");
        AtomicFile.WriteVia(gif, temp => GifWriter.Write(new[] { frame }, temp));
        var previous = File.ReadAllBytes(gif);
        File.CreateSymbolicLink(gif + AtomicFile.TemporarySuffix, "/dev/full");

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteVia(gif, temp => GifWriter.Write(new[] { frame, frame }, temp)));

        Assert.Equal(previous, File.ReadAllBytes(gif));
        Assert.False(File.Exists(gif + AtomicFile.TemporarySuffix));
    }
}
