using System.Text.Json;
using GanSharp.Theory.Experiments;

namespace GanSharp.Tests.Theory;

/// <summary>Runs the quick versions of experiments 1–6 once (seed 0) for all the claim tests, into a temporary folder.</summary>
public sealed class QuickTheoryRun : IDisposable
{
    public QuickTheoryRun()
    {
        Folder = Path.Combine(Path.GetTempPath(), "gansharp-theory-tests-" + Guid.NewGuid().ToString("N"));
        Results = new TheoryRunner().Run(TheoryRunner.Select("1,2,3,4,5,6"), quick: true, Folder, seed: 0).ToDictionary(r => r.Number);
        Json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "theory.json")));
    }

    public string Folder { get; }

    public IReadOnlyDictionary<int, TheoryResult> Results { get; }

    public JsonDocument Json { get; }

    public double Measured(int number, string check) => Results[number].Checks.Single(c => c.Name == check).Measured;

    public void Dispose()
    {
        Json.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
