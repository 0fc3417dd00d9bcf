using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GanSharp.Tests.Lab;

/// <summary>A real <c>gansharp lab</c> process (the CLI built beside the tests), its printed page address, and a Ctrl-C for it.</summary>
internal sealed partial class LabProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LabProcess(Process process) => _process = process;

    /// <summary>Everything the process printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>The address the process printed.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts <c>gansharp lab --port 0 --threads 1 ARGS</c> and waits for the page's address.</summary>
    public static async Task<LabProcess> StartAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        // A child inherits ignored signals: a test run started in the background of a script (`bash .ci/run &`) ignores SIGINT, and
        // so would the lab, which then never sees the Ctrl-C below. env restores SIGINT's default before starting the lab, as a
        // person's terminal has it.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "GanSharp.Cli.dll") }) start.ArgumentList.Add(arg);
        foreach (var arg in new[] { "lab", "--port", "0", "--threads", "1" }.Concat(args)) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var lab = new LabProcess(Process.Start(start)!);
        lab._process.OutputDataReceived += (_, e) => lab.Read(e.Data);
        lab._process.ErrorDataReceived += (_, e) => lab.Read(e.Data);
        lab._process.BeginOutputReadLine();
        lab._process.BeginErrorReadLine();
        try
        {
            lab.Address = await lab._address.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            lab.Dispose();
            throw new TimeoutException("gansharp lab printed no address within 90 s:\n" + lab.Output);
        }
        return lab;
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (AddressLine().Match(line) is { Success: true } match) _address.TrySetResult(new Uri(match.Groups[1].Value));
        if (line.Contains("Error", StringComparison.Ordinal)) _address.TrySetException(new InvalidOperationException(line));
    }

    /// <summary>Ctrl-C (SIGINT), as a person stops the lab; returns the exit code.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", new[] { "-INT", _process.Id.ToString(CultureInfo.InvariantCulture) }))
            await kill.WaitForExitAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [GeneratedRegex(@"Lab page: (http://\S+)")]
    private static partial Regex AddressLine();
}
