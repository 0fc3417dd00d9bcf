using System.CommandLine;
using System.CommandLine.Help;

namespace GanSharp.Cli.Commands;

/// <summary>Every subcommand of <c>gansharp</c>; each lives in its own file and is listed here once.</summary>
internal static class CommandCatalog
{
    /// <summary>The command's name in help, usage lines and errors: the tool's command (ToolCommandName).</summary>
    public const string Name = "gansharp";

    /// <summary>
    /// The <c>gansharp</c> root: every subcommand, <c>--help</c> and <c>--version</c>. A plain command rather than
    /// System.CommandLine's RootCommand, which names itself after the executable, here GanSharp.Cli.
    /// </summary>
    public static Command Root()
    {
        var root = new Command(Name, "GanSharp: train Generative Adversarial Networks and measure what they learn.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        foreach (var command in All()) root.Subcommands.Add(command);
        return root;
    }

    public static IEnumerable<Command> All()
    {
        yield return TrainCommand.Create();
        yield return DemoCommand.Create();
        yield return SampleCommand.Create();
        yield return ExportCommand.Create();
        yield return TheoryCommand.Create();
        yield return EvalCommand.Create();
        yield return LabCommand.Create();
    }
}
