using System.CommandLine;

namespace GanSharp.Cli.Commands;

/// <summary>Every subcommand of <c>gansharp</c>; each lives in its own file and is listed here once.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return TrainCommand.Create();
        yield return DemoCommand.Create();
        yield return SampleCommand.Create();
        yield return ExportCommand.Create();
        yield return TheoryCommand.Create();
        yield return EvalCommand.Create();
    }
}
