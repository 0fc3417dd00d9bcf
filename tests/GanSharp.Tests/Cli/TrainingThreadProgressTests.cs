using GanSharp.Cli.Commands;
using Spectre.Console;

namespace GanSharp.Tests.Cli;

/// <summary>The progress display is drawn by the training thread only (see docs/known-issues.md for why).</summary>
public class TrainingThreadProgressTests
{
    [Fact]
    public void The_body_runs_on_the_calling_thread_and_nothing_is_drawn_between_ticks()
    {
        var writer = new StringWriter();
        var console = TestConsole.Create(writer);
        int caller = Environment.CurrentManagedThreadId, bodyThread = -1;
        int beforeIdle = 0, afterIdle = 0, afterEarlyTick = 0, afterLateTick = 0;
        TrainingThreadProgress.Show(console, new ProgressColumn[] { new TaskDescriptionColumn(), new PercentageColumn() }, (context, display) =>
        {
            bodyThread = Environment.CurrentManagedThreadId;
            var task = context.AddTask("work", maxValue: 100);
            display.Redraw();
            task.Value = 50;
            task.Description = "halfway";
            beforeIdle = writer.ToString().Length;
            Thread.Sleep(1200);  // Spectre's own refresh thread (every second for a plain console) would have redrawn by now
            afterIdle = writer.ToString().Length;
            display.Tick();      // the interval has passed: redraws
            afterEarlyTick = writer.ToString().Length;
            task.Value = 90;     // (the plain renderer skips finished tasks)
            task.Description = "done";
            display.Tick();      // within 100 ms of the last redraw: does not
            afterLateTick = writer.ToString().Length;
        });
        Assert.Equal(caller, bodyThread);
        Assert.Equal(beforeIdle, afterIdle);
        Assert.True(afterEarlyTick > afterIdle, "a tick after the interval redraws");
        Assert.Equal(afterEarlyTick, afterLateTick);
        Assert.Contains("done", writer.ToString());   // the closing redraw shows the final state
    }
}
