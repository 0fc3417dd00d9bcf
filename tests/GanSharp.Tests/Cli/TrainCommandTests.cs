using System.CommandLine;
using GanSharp.Cli.Commands;
using GanSharp.Runs;
using GanSharp.Tests.Runs;

namespace GanSharp.Tests.Cli;

public sealed class TrainCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs <c>train</c> in-process; returns its exit code and everything it printed.</summary>
    private static (int ExitCode, string Output) Train(params string[] args)
    {
        var writer = new StringWriter();
        var console = TestConsole.Create(writer);
        var root = new RootCommand { TrainCommand.Create(console) };
        int code = root.Parse(new[] { "train" }.Concat(args).ToArray()).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
        return (code, writer.ToString());
    }

    [Fact]
    public void A_tiny_run_exits_with_zero_and_writes_the_effective_configuration()
    {
        var output = _dir.File("run");
        var (code, text) = Train("--data", "ring", "--iterations", "3", "--g-width", "8", "--d-width", "8", "--frames-every", "0", "--seed", "4", "--threads", "1", "--out", output);
        Assert.True(code == 0, text);
        var config = RunFolder.ReadOptions(output);
        Assert.Equal(Settings.Of("ring", ("iterations", 3), ("g_width", 8), ("d_width", 8), ("frames_every", 0), ("seed", 4), ("threads", 1)), config);
        Assert.Contains("modes captured", text);
    }

    [Fact]
    public void A_runs_config_json_fed_back_with_config_reproduces_the_run()
    {
        var first = _dir.File("first");
        Assert.Equal(0, Train("--data", "ring", "--iterations", "6", "--g-width", "8", "--d-width", "8", "--frames-every", "3", "--seed", "4", "--out", first).ExitCode);
        var second = _dir.File("second");
        var (code, text) = Train("--config", Path.Combine(first, "config.json"), "--out", second);
        Assert.True(code == 0, text);
        Assert.Equal(File.ReadAllText(Path.Combine(first, "config.json")), File.ReadAllText(Path.Combine(second, "config.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(first, "samples.csv")), File.ReadAllText(Path.Combine(second, "samples.csv")));
    }

    [Fact]
    public void Options_override_the_config_file_and_the_file_overrides_the_defaults()
    {
        var file = _dir.File("config.json");
        File.WriteAllText(file, "{\"iterations\": 50, \"lr_d\": 0.002, \"objective\": \"minimax\"}");
        var options = new RunCommandOptions();
        var command = new Command("train");
        foreach (var option in options.All) command.Options.Add(option);
        var parsed = command.Parse(new[] { "--config", file, "--iterations", "7", "--activation", "tanh" });
        var config = RunOptions.Resolve(options.Given(parsed));
        Assert.Equal(Settings.Of("ring", ("iterations", 7), ("lr_d", 0.002), ("objective", "minimax"), ("activation", "tanh")), config);
    }

    [Fact]
    public void Lr_sets_both_learning_rates_and_max_iterations_is_iterations()
    {
        var options = new RunCommandOptions();
        var command = new Command("train");
        foreach (var option in options.All) command.Options.Add(option);
        var config = RunOptions.Resolve(options.Given(command.Parse(new[] { "--lr", "0.003", "--max-iterations", "9" })));
        Assert.Equal((0.003, 0.003, 9), (config.LrD, config.LrG, config.Iterations!.Value));
    }

    [Theory]
    [InlineData(new[] { "--bogus", "1" }, "--bogus")]
    [InlineData(new[] { "--objective", "wasserstein" }, "wasserstein")]
    [InlineData(new[] { "--iterations", "many" }, "many")]
    [InlineData(new[] { "--data", "spiral" }, "'spiral' is neither a built-in target")]
    [InlineData(new[] { "--data", "ring", "--features", "8" }, "features (--features) applies to DCGAN models")]
    [InlineData(new[] { "--batch-size", "0" }, "batch size must be at least 1")]
    public void Unknown_options_and_bad_values_exit_non_zero_with_a_message_naming_them(string[] args, string expected)
    {
        var (code, text) = Train(args.Append("--out").Append(_dir.File("x")).ToArray());
        Assert.NotEqual(0, code);
        Assert.Contains(expected, text);
    }

    [Fact]
    public void A_missing_data_file_exits_non_zero_naming_the_file()
    {
        var (code, text) = Train("--data", _dir.File("absent.npy"), "--out", _dir.File("x"));
        Assert.Equal(1, code);
        Assert.Contains("absent.npy", text);
        Assert.Contains("does not exist", text);
    }

    [Fact]
    public void A_malformed_data_file_exits_non_zero_naming_the_line()
    {
        var data = _dir.File("bad.csv");
        File.WriteAllText(data, "1,2\n3,four\n");
        var (code, text) = Train("--data", data, "--out", _dir.File("x"));
        Assert.Equal(1, code);
        Assert.Contains("line 2, field 2", text);
    }

    [Fact]
    public void A_config_file_with_an_unknown_key_exits_non_zero_naming_the_key()
    {
        var file = _dir.File("c.json");
        File.WriteAllText(file, "{\"learning_rate\": 0.1}");
        var (code, text) = Train("--config", file, "--out", _dir.File("x"));
        Assert.Equal(1, code);
        Assert.Contains("learning_rate", text);
    }

    [Fact]
    public void A_diverging_run_exits_non_zero_saying_at_which_iteration()
    {
        var (code, text) = Train("--lr-d", "1e30", "--lr-g", "1e30", "--iterations", "200", "--g-width", "8", "--d-width", "8", "--frames-every", "0", "--out", _dir.File("x"));
        Assert.True(code == 1, text);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, "diverged at iteration [0-9]+"), text);
    }
}
