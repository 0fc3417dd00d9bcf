using System.Buffers.Binary;
using System.IO.Compression;

namespace GanSharp.Data;

/// <summary>
/// Reads and writes IDX files (LeCun et al., the MNIST database), raw or gzip-compressed.
/// </summary>
/// <remarks>
/// Layout: two zero bytes, a type code (0x08 = unsigned byte, the only type GanSharp reads), the number of dimensions d,
/// then d sizes as big-endian 32-bit integers, then the data in row-major order.
/// </remarks>
public static class IdxFile
{
    private const byte UnsignedByte = 0x08;
    private static readonly byte[] GzipMagic = { 0x1f, 0x8b };

    /// <summary>Reads an IDX file; gzip compression is detected from the content, not the name.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The header is not IDX, the type is not unsigned byte, or the data is shorter or longer than the header says.</exception>
    public static IdxArray Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file not found: {path}", path);
        using var file = File.OpenRead(path);
        var head = new byte[2];
        int got = file.Read(head, 0, 2);
        file.Position = 0;
        bool gzip = got == 2 && head[0] == GzipMagic[0] && head[1] == GzipMagic[1];
        using Stream content = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        try
        {
            return Read(content, path);
        }
        catch (InvalidDataException e) when (gzip && !e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: the gzip stream is corrupt ({e.Message}).", e);
        }
    }

    /// <summary>Reads an uncompressed IDX stream; <paramref name="name"/> appears in error messages.</summary>
    public static IdxArray Read(Stream stream, string name)
    {
        var magic = ReadExactly(stream, 4, name, "the 4-byte magic number");
        if (magic[0] != 0 || magic[1] != 0)
            throw new InvalidDataException($"{name}: not an IDX file: its first bytes are {magic[0]:x2} {magic[1]:x2}, an IDX header starts with 00 00.");
        if (magic[2] != UnsignedByte)
            throw new InvalidDataException($"{name}: IDX element type 0x{magic[2]:x2} is not supported; only unsigned bytes (0x08) are read.");
        int rank = magic[3];
        if (rank < 1) throw new InvalidDataException($"{name}: the IDX header declares 0 dimensions.");
        var dimBytes = ReadExactly(stream, 4 * rank, name, $"the sizes of {rank} dimensions");
        var dims = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(dimBytes.AsSpan(4 * i, 4));
            if (dims[i] < 0) throw new InvalidDataException($"{name}: dimension {i} has negative size {dims[i]}.");
            count *= dims[i];
            if (count > Array.MaxLength) throw new InvalidDataException($"{name}: the IDX header declares [{string.Join(", ", dims.Take(i + 1))}...] elements, more than an array can hold.");
        }
        var data = new byte[count];
        int read = ReadAll(stream, data);
        if (read < count)
            throw new InvalidDataException($"{name}: truncated: the header declares [{string.Join(", ", dims)}] = {count} bytes of data but the file holds {read}.");
        if (stream.ReadByte() >= 0)
            throw new InvalidDataException($"{name}: the file holds more data than the header's [{string.Join(", ", dims)}] = {count} bytes.");
        return new IdxArray(dims, data);
    }

    /// <summary>Writes <paramref name="array"/> as an unsigned-byte IDX file, gzip-compressed when <paramref name="gzip"/>.</summary>
    public static void Write(string path, IdxArray array, bool gzip)
    {
        if (array.Data.LongLength != array.ElementCount)
            throw new ArgumentException($"IDX data has {array.Data.LongLength} bytes but dimensions [{string.Join(", ", array.Dimensions)}] need {array.ElementCount}.", nameof(array));
        if (array.Dimensions.Length is < 1 or > 255)
            throw new ArgumentException($"IDX needs 1 to 255 dimensions (got {array.Dimensions.Length}).", nameof(array));
        using var file = File.Create(path);
        using Stream content = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        content.Write(new byte[] { 0, 0, UnsignedByte, (byte)array.Dimensions.Length });
        var size = new byte[4];
        foreach (var d in array.Dimensions)
        {
            BinaryPrimitives.WriteInt32BigEndian(size, d);
            content.Write(size);
        }
        content.Write(array.Data);
    }

    private static byte[] ReadExactly(Stream stream, int n, string name, string what)
    {
        var buffer = new byte[n];
        if (ReadAll(stream, buffer) < n) throw new InvalidDataException($"{name}: truncated header: the file ends before {what}.");
        return buffer;
    }

    private static int ReadAll(Stream stream, byte[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
