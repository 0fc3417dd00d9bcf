using Spectre.Console;

namespace GanSharp.Tests.Cli;

/// <summary>A plain, non-interactive console that writes to a text writer, for running commands in-process.</summary>
internal static class TestConsole
{
    public static IAnsiConsole Create(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Wide enough that no message is wrapped: tests look for phrases that a line break (at the default 80 columns) would split.
        console.Profile.Width = 10_000;
        return console;
    }
}
