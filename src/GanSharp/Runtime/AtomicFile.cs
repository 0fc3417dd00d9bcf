using System.Text;

namespace GanSharp.Runtime;

/// <summary>Writes files so that a reader (or a run killed mid-write) never sees a partial one: to a temporary name beside the target, then renamed over it.</summary>
public static class AtomicFile
{
    /// <summary>Appended to a file's name while it is written.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) => Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)));

    /// <summary>Has <paramref name="writeTo"/> write a file at a temporary path, then renames it to <paramref name="path"/>.</summary>
    public static void WriteVia(string path, Action<string> writeTo)
    {
        var temp = path + TemporarySuffix;
        try
        {
            writeTo(temp);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Writes what <paramref name="write"/> puts into the stream to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var temp = path + TemporarySuffix;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
