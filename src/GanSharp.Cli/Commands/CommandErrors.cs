using System.Text.Json;
using GanSharp.Gan;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>Turns the library's bad-input and divergence exceptions into one red message and exit code 1.</summary>
internal static class CommandErrors
{
    public static int Guard(IAnsiConsole console, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or JsonException or UnauthorizedAccessException or TrainingDivergedException)
        {
            console.MarkupLine($"[red]Error:[/] {Markup.Escape(e.Message)}");
            return 1;
        }
    }
}
