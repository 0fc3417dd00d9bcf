using System.CommandLine;
using GanSharp.Cli.Commands;

namespace GanSharp.Tests.Cli;

public class TheoryCommandTests
{
    /// <summary>Parses a <c>theory</c> command line the way <c>gansharp</c> does, without running it.</summary>
    private static ParseResult Parse(params string[] args) =>
        new RootCommand { TheoryCommand.Create() }.Parse(new[] { "theory" }.Concat(args).ToArray());

    [Fact]
    public void Theory_without_out_parses_and_writes_to_runs_theory()
    {
        var parse = Parse("--quick", "--only", "2");
        Assert.Empty(parse.Errors);
        Assert.Equal(Path.Combine("runs", "theory"), parse.GetValue<string>("--out"));
        Assert.True(parse.GetValue<bool>("--quick"));
        Assert.Equal("2", parse.GetValue<string?>("--only"));
    }

    [Fact]
    public void Theory_out_given_on_the_command_line_wins_over_the_default()
    {
        var parse = Parse("--only", "2", "--out", "docs/theory");
        Assert.Empty(parse.Errors);
        Assert.Equal("docs/theory", parse.GetValue<string>("--out"));
    }
}
