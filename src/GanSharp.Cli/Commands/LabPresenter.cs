using System.Globalization;
using GanSharp.Lab;
using GanSharp.Runs;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>Starts the lab's server, prints the page's address, and trains until Ctrl-C (<see cref="LabSession"/>); then sums up the run.</summary>
internal static class LabPresenter
{
    public static int Run(IAnsiConsole console, LabServerOptions server, Func<GanRun> open, bool playing, CancellationToken cancel)
    {
        using var signals = new StopSignals(cancel);
        // A log line stays whole (and the address on it) when the output is redirected.
        if (!console.Profile.Capabilities.Interactive) console.Profile.Width = Math.Max(console.Profile.Width, 240);
        var problems = server.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
        var run = open();
        LabSession session;
        try
        {
            if (LabSession.Refusal(run) is { } why) throw new ArgumentException(why);
            session = LabSession.StartAsync(server).GetAwaiter().GetResult();
        }
        catch
        {
            run.Dispose();
            throw;
        }
        try
        {
            session.RunStarted += started => console.MarkupLine(Markup.Escape(Introduction(started)));
            if (!server.IsLoopback)
                console.MarkupLine($"[yellow]Warning:[/] bound to {Markup.Escape(server.Host)}: other machines can open the page and steer the run.");
            console.MarkupLine($"Lab page: {Markup.Escape(session.Address.ToString())}");
            console.MarkupLine(playing ? "Training; Ctrl-C stops and writes the run's outputs." : "Press play on the page to train; Ctrl-C stops and writes the run's outputs.");
            var result = session.Run(run, playing, signals.Token);
            string modes = result.FinalModes is { } m ? Invariant($", {m.ModesCaptured}/{m.ModesTotal} modes, {m.HighQualityFraction:P1} high-quality") : "";
            console.MarkupLine(Markup.Escape(Invariant($"Stopped at iteration {result.Iteration:N0} of {result.TotalIterations:N0}{modes}; outputs in {result.Directory}")));
            return 0;
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string Introduction(GanRun run)
    {
        var o = run.Options;
        return Invariant($"Run on {run.Data.Description}: {SettingNames.Name(o.Objective)}, k = {o.K}, {SettingNames.Name(o.Prior)} prior, {run.TotalIterations:N0} iterations of {o.BatchSize}, seed {o.Seed}, {o.Threads} thread(s) → {run.Directory}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
