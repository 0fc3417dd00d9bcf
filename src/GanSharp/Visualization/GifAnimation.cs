using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace GanSharp.Visualization;

/// <summary>Writes pictures [C, H, W] in [0, 1] as the frames of a looping animated GIF (ImageSharp used for encoding only).</summary>
public static class GifAnimation
{
    /// <summary>Encodes <paramref name="frames"/> (all the same size) with <paramref name="frameDelayMs"/> between frames.</summary>
    public static void Write(string path, IReadOnlyList<Tensor> frames, int frameDelayMs = 100)
    {
        if (frames.Count == 0) throw new ArgumentException("An animation needs at least one frame.", nameof(frames));
        int h = (int)frames[0].shape[1], w = (int)frames[0].shape[2];
        using var gif = new Image<Rgba32>(w, h);
        gif.Metadata.GetGifMetadata().RepeatCount = 0;
        foreach (var frame in frames)
        {
            if (frame.shape[1] != h || frame.shape[2] != w) throw new ArgumentException("All frames must have the same size.", nameof(frames));
            using var image = Image.LoadPixelData<Rgba32>(PngImage.ToRgba(frame), w, h);
            image.Frames.RootFrame.Metadata.GetGifMetadata().FrameDelay = Math.Max(1, frameDelayMs / 10);   // GIF delays are in 1/100 s
            gif.Frames.AddFrame(image.Frames.RootFrame);
        }
        gif.Frames.RemoveFrame(0);   // the blank frame the image was created with
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        gif.SaveAsGif(path);
    }
}
