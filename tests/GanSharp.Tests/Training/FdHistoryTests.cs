using System.Text.Json.Nodes;
using GanSharp.Training;

namespace GanSharp.Tests.Training;

public sealed class FdHistoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_best_is_the_lowest_fd_and_a_resumed_run_forgets_measurements_after_its_checkpoint()
    {
        var history = new FdHistory();
        Assert.True(history.Add(100, 40.0));
        Assert.True(history.Add(200, 25.0));
        Assert.False(history.Add(300, 31.0));
        Assert.True(history.Add(400, 12.0));
        var path = history.Write(_dir.Path);

        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(12.0, json["best_fd"]!.GetValue<double>());
        Assert.Equal(400, json["best_iteration"]!.GetValue<int>());
        Assert.Equal(4, json["fd_history"]!.AsArray().Count);

        var resumed = FdHistory.Read(_dir.Path, upToIteration: 300);
        Assert.Equal(new[] { 100, 200, 300 }, resumed.Points.Select(p => p.Iteration));
        Assert.Equal((200, 25.0), resumed.Best);
        Assert.Null(FdHistory.Read(_dir.File("elsewhere"), 300).Best);
    }

    [Fact]
    public void A_metrics_file_without_an_fd_history_is_reported_by_name()
    {
        File.WriteAllText(Path.Combine(_dir.Path, FdHistory.FileName), "{\"history\": []}");
        var e = Assert.Throws<InvalidDataException>(() => FdHistory.Read(_dir.Path, 10));
        Assert.Contains(FdHistory.FileName, e.Message);
    }
}
