using System.Text.Json.Nodes;
using GanSharp.Distributions;
using GanSharp.Runs;

namespace GanSharp.Tests.Runs;

public sealed class LiveSettingsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static RunOptions Tiny(int iterations) =>
        Settings.Of("ring", ("iterations", iterations), ("g_width", 16), ("d_width", 16), ("batch_size", 64), ("frames_every", 0), ("seed", 3), ("threads", 1));

    [Fact]
    public void A_change_of_objective_takes_effect_at_the_next_step_and_is_recorded_in_metrics_json()
    {
        var folder = _dir.File("run");
        using (var run = GanRun.Start(Tiny(4), folder))
        {
            var before = run.Step();
            // Non-saturating: L_G = −mean log D(G(z)) > 0.
            Assert.True(before.GeneratorLoss > 0, $"L_G = {before.GeneratorLoss}");
            var changes = run.ChangeSettings(new JsonObject { ["objective"] = "minimax", ["k"] = 2 });
            // Minimax: L_G = mean log(1 − D(G(z))) < 0.
            var after = run.Step();
            Assert.True(after.GeneratorLoss < 0, $"L_G = {after.GeneratorLoss}");
            Assert.Equal(2, run.Trainer.Options.DiscriminatorSteps);
            Assert.Equal(new[] { "objective", "k" }.Order(), changes.Select(c => c.What).Order());
            Assert.Contains(changes, c => c is { What: "objective", From: "\"non-saturating\"", To: "\"minimax\"", Iteration: 1 });
            run.Run();
        }
        var metrics = RunMetrics.Read(Path.Combine(folder, MetricsFile.FileName));
        Assert.Contains(metrics.Changes!, c => c.What == "objective" && c.To == "\"minimax\"");
        // The folder describes the run as it went on.
        Assert.Equal("minimax", SettingNames.Name(RunFolder.ReadOptions(folder).Objective));
    }

    [Fact]
    public void A_learning_rate_change_reaches_the_optimiser_and_single_steps_are_recorded()
    {
        using var data = RunData.Points(TargetDistributions.Ring());
        using var run = GanRun.InMemory(Tiny(4), data);
        run.ChangeSettings(new JsonObject { ["lr_d"] = 0.005 });
        Assert.Equal(0.005, run.Trainer.DiscriminatorOptimizer.ParamGroups.Single().LearningRate, 12);
        Assert.Equal(0.001, run.Trainer.GeneratorOptimizer.ParamGroups.Single().LearningRate, 12);
        run.StepDiscriminator();
        run.StepGenerator();
        Assert.Equal(new[] { "lr_d", HistoryChange.DiscriminatorStep, HistoryChange.GeneratorStep }, run.History.Changes.Select(c => c.What));
        Assert.Equal(0, run.Iteration);
    }

    [Fact]
    public void Settings_fixed_at_the_start_or_bad_values_are_refused_and_nothing_changes()
    {
        using var data = RunData.Points(TargetDistributions.Ring());
        using var run = GanRun.InMemory(Tiny(4), data);
        var fixedKey = Assert.Throws<ArgumentException>(() => run.ChangeSettings(new JsonObject { ["latent_dim"] = 3 }));
        Assert.Contains("latent_dim", fixedKey.Message);
        var badValue = Assert.Throws<ArgumentException>(() => run.ChangeSettings(new JsonObject { ["objective"] = "wasserstein-ish", ["k"] = 3 }));
        Assert.Contains("wasserstein-ish", badValue.Message);
        Assert.Equal(1, run.Options.K);
        Assert.Equal(1, run.Trainer.Options.DiscriminatorSteps);
        Assert.Empty(run.History.Changes);
    }
}
