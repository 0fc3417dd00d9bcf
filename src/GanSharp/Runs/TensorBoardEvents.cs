using GanSharp.Runtime;
using Tensorboard;

namespace GanSharp.Runs;

/// <summary>
/// Reads and trims TensorBoard event files (<c>events.out.tfevents.*</c>): TFRecord records, each a little-endian uint64 length,
/// a masked CRC-32C of the length, the serialized <see cref="Event"/> and a masked CRC-32C of it.
/// </summary>
/// <remarks>
/// A run resumed from a checkpoint does the iterations after it again; the events the stopped process had logged for them are
/// discarded first, so TensorBoard shows every step once.
/// </remarks>
public static class TensorBoardEvents
{
    private const string FilePattern = "events.out.tfevents.*";
    private const int HeaderBytes = 12;
    private const int FooterBytes = 4;

    /// <summary>The (tag, step) of every summary value in the event files of <paramref name="directory"/>, file by file in name order.</summary>
    public static IReadOnlyList<(string Tag, long Step)> Values(string directory) =>
        Files(directory).SelectMany(file => ReadRecords(file).Records)
            .Select(Event.Parser.ParseFrom)
            .Where(e => e.Summary is not null)
            .SelectMany(e => e.Summary.Value.Select(v => (v.Tag, e.Step)))
            .ToArray();

    /// <summary>
    /// Rewrites the event files of <paramref name="directory"/> without the events of steps after <paramref name="lastStep"/>
    /// (and without a record cut short by a killed process); each file is replaced atomically. Returns the events removed.
    /// </summary>
    public static int DiscardAfter(string directory, long lastStep)
    {
        int removed = 0;
        foreach (var file in Files(directory))
        {
            var (records, truncated) = ReadRecords(file);
            var kept = records.Where(r => Event.Parser.ParseFrom(r) is var e && (e.Summary is null || e.Step <= lastStep)).ToArray();
            if (kept.Length == records.Count && !truncated) continue;
            removed += records.Count - kept.Length;
            AtomicFile.Write(file, stream =>
            {
                foreach (var record in kept) WriteRecord(stream, record);
            });
        }
        return removed;
    }

    private static IEnumerable<string> Files(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, FilePattern).Where(f => !f.EndsWith(AtomicFile.TemporarySuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();

    /// <summary>The serialized events of <paramref name="path"/>, and whether it ends in a partial record.</summary>
    private static (IReadOnlyList<byte[]> Records, bool Truncated) ReadRecords(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var records = new List<byte[]>();
        long at = 0;
        while (at < bytes.Length)
        {
            if (bytes.Length - at < HeaderBytes) return (records, true);
            long length = BitConverter.ToInt64(bytes, (int)at);
            if (length < 0 || bytes.Length - at - HeaderBytes - FooterBytes < length) return (records, true);
            records.Add(bytes.AsSpan((int)(at + HeaderBytes), (int)length).ToArray());
            at += HeaderBytes + length + FooterBytes;
        }
        return (records, false);
    }

    private static void WriteRecord(Stream stream, byte[] data)
    {
        var length = BitConverter.GetBytes((ulong)data.Length);
        stream.Write(length);
        stream.Write(BitConverter.GetBytes(MaskedCrc(length)));
        stream.Write(data);
        stream.Write(BitConverter.GetBytes(MaskedCrc(data)));
    }

    /// <summary>TFRecord's masked CRC: ((crc ≫ 15) | (crc ≪ 17)) + 0xa282ead8, crc = CRC-32C (Castagnoli) of <paramref name="data"/>.</summary>
    internal static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        uint crc = Crc32C(data);
        return unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
    }

    /// <summary>CRC-32C, reflected polynomial 0x82F63B78, initial value and final xor 0xFFFFFFFF.</summary>
    internal static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        }
        return ~crc;
    }
}
