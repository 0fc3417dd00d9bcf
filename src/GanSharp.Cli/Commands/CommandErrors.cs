using System.Runtime.InteropServices;
using System.Text.Json;
using GanSharp.Gan;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>Turns every exception into one red line without a stack trace: bad input, divergence and native failures exit 1, bugs 70.</summary>
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
            console.MarkupLine($"[red]Error:[/] {Markup.Escape(ErrorText.Clean(e.Message))}");
            return 1;
        }
        catch (Exception e) when (e is OutOfMemoryException || (e is ExternalException && IsAllocationFailure(e.Message)))
        {
            // A native allocation failure carries libtorch's C++ stack: show only what failed.
            console.MarkupLine($"[red]Error:[/] out of memory ({Markup.Escape(ErrorText.FirstLine(e.Message))}). Use a smaller --batch-size, --n or image size.");
            return 1;
        }
        catch (ExternalException e)
        {
            console.MarkupLine($"[red]Error:[/] libtorch failed: {Markup.Escape(ErrorText.FirstLine(e.Message))}");
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug, not bad input: still one line, with what is needed to report it.
            console.MarkupLine($"[red]Error:[/] unexpected {Markup.Escape(e.GetType().Name)}: {Markup.Escape(ErrorText.FirstLine(e.Message))} (please report this with the command line).");
            return InternalErrorExitCode;
        }
    }

    /// <summary>Exit code of an unexpected failure (EX_SOFTWARE of sysexits.h), told apart from bad input (1).</summary>
    public const int InternalErrorExitCode = 70;

    private static bool IsAllocationFailure(string message) =>
        message.Contains("alloc", StringComparison.OrdinalIgnoreCase) || message.Contains("out of memory", StringComparison.OrdinalIgnoreCase);
}
