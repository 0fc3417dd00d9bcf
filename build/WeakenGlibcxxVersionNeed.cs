// MSBuild inline task (compiled by RoslynCodeTaskFactory from Directory.Build.targets).
// Marks one ELF version-need entry (e.g. GLIBCXX_3.4.32) of libLibTorchSharp.so as weak, so the
// dynamic loader accepts the library on a libstdc++ that lacks that version.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class WeakenGlibcxxVersionNeed : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required] public string Directory { get; set; } = "";
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        if (!System.IO.Directory.Exists(Directory)) return true;
        if (SystemLibStdCxxHas(VersionName))
        {
            Log.LogMessage(MessageImportance.Low, $"libstdc++ provides {VersionName}; TorchSharp native library left as is.");
            return true;
        }
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "libLibTorchSharp.so", SearchOption.AllDirectories))
        {
            try
            {
                var bytes = File.ReadAllBytes(path);
                int changed = Weaken(bytes, VersionName);
                if (changed == 0) continue;
                // New file + rename: never writes through a hard link into the NuGet cache.
                var temp = path + ".gansharp-tmp";
                File.WriteAllBytes(temp, bytes);
                File.Delete(path);
                File.Move(temp, path);
                Log.LogMessage(MessageImportance.Normal, $"Marked {VersionName} weak in {path}");
            }
            catch (Exception e)
            {
                Log.LogWarning($"Could not patch {path}: {e.Message}");
            }
        }
        return true;
    }

    private static bool SystemLibStdCxxHas(string version)
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };
        foreach (var c in candidates)
        {
            if (!File.Exists(c)) continue;
            var text = Encoding.ASCII.GetString(File.ReadAllBytes(c));
            return text.IndexOf(version + "\0", StringComparison.Ordinal) >= 0;
        }
        return false; // not found: patching is harmless, and lets the library load where it is missing
    }

    /// <summary>Sets VER_FLG_WEAK on every Vernaux entry named <paramref name="version"/>; returns how many changed.</summary>
    private static int Weaken(byte[] elf, string version)
    {
        // Only 64-bit little-endian ELF (the only form TorchSharp ships for Linux).
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F') return 0;
        if (elf[4] != 2 || elf[5] != 1) return 0;
        long shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        int changed = 0;
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            uint type = BitConverter.ToUInt32(elf, (int)sh + 4);
            if (type != ShtGnuVerneed) continue;
            long offset = (long)BitConverter.ToUInt64(elf, (int)sh + 24);
            uint link = BitConverter.ToUInt32(elf, (int)sh + 40);
            uint count = BitConverter.ToUInt32(elf, (int)sh + 44);
            long strOffset = (long)BitConverter.ToUInt64(elf, (int)(shoff + link * shentsize) + 24);

            long need = offset;
            for (uint n = 0; n < count; n++)
            {
                ushort auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    uint nameOffset = BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadCString(elf, strOffset + nameOffset) == version && (flags & VerFlgWeak) == 0)
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, (int)aux + 4);
                        changed++;
                    }
                    uint next = BitConverter.ToUInt32(elf, (int)aux + 12);
                    if (next == 0) break;
                    aux += next;
                }
                uint nextNeed = BitConverter.ToUInt32(elf, (int)need + 12);
                if (nextNeed == 0) break;
                need += nextNeed;
            }
        }
        return changed;
    }

    private static string ReadCString(byte[] data, long start)
    {
        long end = start;
        while (end < data.Length && data[end] != 0) end++;
        return Encoding.ASCII.GetString(data, (int)start, (int)(end - start));
    }
}
