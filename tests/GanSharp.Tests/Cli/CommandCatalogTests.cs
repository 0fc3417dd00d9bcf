using System.CommandLine;
using GanSharp.Cli.Commands;

namespace GanSharp.Tests.Cli;

public class CommandCatalogTests
{
    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        int code = CommandCatalog.Root().Parse(args).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
        return (code, writer.ToString());
    }

    [Fact]
    public void Help_names_the_command_gansharp_not_the_assembly()
    {
        var (code, text) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("gansharp [command] [options]", text);
        Assert.DoesNotContain("GanSharp.Cli", text);
    }

    [Fact]
    public void Subcommand_usage_lines_start_with_gansharp()
    {
        foreach (var name in new[] { "train", "demo", "sample", "export", "theory", "eval" })
        {
            var (code, text) = Run(name, "--help");
            Assert.True(code == 0, text);
            Assert.Contains($"gansharp {name} [", text);
        }
    }
}
