namespace GanSharp.Tests.Lab;

/// <summary>A fact that runs only where Debian's chromium is installed, and otherwise is reported as skipped with the reason and the fix.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
            Skip = $"chromium is not installed ({Executable}); `apt-get install chromium` (as .ci/run does) runs the lab's browser tests.";
    }
}
