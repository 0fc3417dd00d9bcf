using GanSharp.Theory.Experiments;

namespace GanSharp.Tests.Theory;

/// <summary>Runs the quick versions of experiments 13 and 14 once (seed 0) for their claim tests.</summary>
public sealed class QuickObjectiveTheoryRun : IDisposable
{
    public QuickObjectiveTheoryRun()
    {
        Folder = Path.Combine(Path.GetTempPath(), "gansharp-objective-theory-" + Guid.NewGuid().ToString("N"));
        Results = new TheoryRunner().Run(TheoryRunner.Select("13,14"), quick: true, Folder, seed: 0).ToDictionary(r => r.Number);
    }

    public string Folder { get; }

    public IReadOnlyDictionary<int, TheoryResult> Results { get; }

    public double Measured(int number, string check) => Results[number].Checks.Single(c => c.Name == check).Measured;

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
