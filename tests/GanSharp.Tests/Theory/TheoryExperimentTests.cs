using System.Runtime.InteropServices;
using GanSharp.Theory.Experiments;

namespace GanSharp.Tests.Theory;

#pragma warning disable CA2201 // ExternalException is what TorchSharp throws for a libtorch error; the tests stand in for one

public class TheoryExperimentTests
{
    /// <summary>An experiment that throws the given exceptions on its first tries, then measures 1 against an expected 1.</summary>
    private sealed class Flaky(params Exception[] failures) : TheoryExperiment
    {
        public int Tries { get; private set; }
        public override string Id => "flaky";
        public override int Number => 99;
        public override string Title => "Flaky";
        public override string Claim => "One equals one.";

        protected override TheoryResult Measure(TheoryContext context)
        {
            if (Tries++ < failures.Length) throw failures[Tries - 1];
            return Result("Measured one.", Array.Empty<TheoryTable>(), new[] { new TheoryCheck("one", "one", 1, 1, 0) }, "One is one.");
        }
    }

    private static readonly TheoryContext Context = new(Quick: true, OutputDirectory: Path.GetTempPath());

    /// <summary>A libtorch error as TorchSharp raises it (the message the Scalar race gave in the session-11 full report).</summary>
    private static ExternalException LibtorchError() =>
        new("Expected false to be true, but got false.  (Could this error message be improved?)\nException raised from … (most recent call first):");

    [Fact]
    public void A_libtorch_error_gets_one_more_try_from_the_start_and_the_report_says_so()
    {
        var error = LibtorchError();
        var experiment = new Flaky(error);
        var result = experiment.Run(Context);

        Assert.Equal(2, experiment.Tries);
        Assert.True(result.Holds);
        string firstLine = error.Message.Split('\n')[0].Trim();
        Assert.StartsWith($"Measured one. (Second try: the first stopped with {error.GetType().Name}: {firstLine}, the libtorch race", result.WhatWasRun);
    }

    [Fact]
    public void A_second_libtorch_error_is_reported_as_a_stop_naming_both()
    {
        var first = LibtorchError();
        var second = LibtorchError();
        var experiment = new Flaky(first, second);
        var result = experiment.Run(Context);

        Assert.Equal(2, experiment.Tries);
        Assert.False(result.Holds);
        Assert.StartsWith("Stopped: ", result.Verdict);
        Assert.Contains("; the first try had stopped with ", result.Verdict);
    }

    [Fact]
    public void Other_exceptions_stop_the_experiment_at_once()
    {
        var experiment = new Flaky(new InvalidOperationException("no data"));
        var result = experiment.Run(Context);

        Assert.Equal(1, experiment.Tries);
        Assert.False(result.Holds);
        Assert.Equal("Stopped: InvalidOperationException: no data", result.Verdict);
    }
}
