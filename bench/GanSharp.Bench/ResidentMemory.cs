namespace GanSharp.Bench;

/// <summary>This process's resident set size, read from /proc/self/status (Linux), in MiB.</summary>
internal static class ResidentMemory
{
    /// <summary>Current resident set size (VmRSS).</summary>
    public static double CurrentMiB() => Read("VmRSS:");

    /// <summary>Peak resident set size since the process started (VmHWM).</summary>
    public static double PeakMiB() => Read("VmHWM:");

    private static double Read(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
            var kib = long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            return kib / 1024.0;
        }
        return double.NaN;
    }
}
