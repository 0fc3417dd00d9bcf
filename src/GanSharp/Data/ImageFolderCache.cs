using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GanSharp.Data;

/// <summary>
/// The decoded pixels of an image folder saved next to a run, so a resumed or repeated run does not decode again.
/// Valid only while the folder's files (paths, sizes, modification times) and the options are the same: a fingerprint says so.
/// </summary>
public static class ImageFolderCache
{
    private const string Magic = "GanSharp image cache v1";

    /// <summary>SHA-256 over the options and each file's path, size and modification time.</summary>
    public static string Fingerprint(ImageFolderOptions options, IReadOnlyList<string> files)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder().Append(invariant, $"{options.ImageSize}|{options.Channels}\n");
        foreach (var f in files)
        {
            var info = new FileInfo(f);
            text.Append(invariant, $"{Path.GetRelativePath(options.Directory, f)}|{info.Length}|{info.LastWriteTimeUtc.Ticks}\n");
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The cached result when <paramref name="path"/> exists and matches <paramref name="fingerprint"/>; null otherwise (also when unreadable).</summary>
    public static ImageFolderResult? TryRead(string path, string fingerprint)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadString() != fingerprint) return null;
            var directory = reader.ReadString();
            int count = reader.ReadInt32(), channels = reader.ReadInt32(), side = reader.ReadInt32();
            var pixels = reader.ReadBytes(checked(count * channels * side * side));
            if (pixels.Length != count * channels * side * side) return null;
            int skippedCount = reader.ReadInt32();
            var skipped = new List<SkippedImage>();
            for (int i = 0; i < skippedCount; i++) skipped.Add(new SkippedImage(reader.ReadString(), reader.ReadString()));
            var dataset = new ImageDataset(ImageDataset.FromBytes(pixels, count, channels, side, side), null, $"image folder {directory}");
            return new ImageFolderResult(dataset, skipped, FromCache: true);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Writes the cache atomically (temporary file, then rename).</summary>
    public static void Write(string path, string fingerprint, byte[] pixels, int count, ImageFolderOptions options, IReadOnlyList<SkippedImage> skipped)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        System.IO.Directory.CreateDirectory(dir);
        var temp = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temp), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(fingerprint);
            writer.Write(options.Directory);
            writer.Write(count);
            writer.Write(options.Channels);
            writer.Write(options.ImageSize);
            writer.Write(pixels);
            writer.Write(skipped.Count);
            foreach (var s in skipped)
            {
                writer.Write(s.Path);
                writer.Write(s.Reason);
            }
        }
        File.Move(temp, path, overwrite: true);
    }
}
