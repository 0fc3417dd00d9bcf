using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace GanSharp.Theory.Experiments;

/// <summary>
/// The independent runs of a long experiment, each kept on disk as its result (one JSON file under the report's <c>runs/</c>
/// folder), so that a full report stopped part-way resumes where it was, and several <c>gansharp theory</c> processes given the
/// same <c>--out</c> share the runs out between them (one thread each: the two cores of a small machine both train).
/// </summary>
/// <remarks>
/// Before training a run, a process claims it with a <c>KEY.claim</c> file holding its process id; the others leave a run that a
/// living process has claimed, train the rest, and then wait for the claimed runs' results. A claim whose process has gone (killed,
/// crashed) is taken over. Results are written to a temporary file and renamed, so a result file is never half-written. Two
/// processes that take over the same dead claim at the same moment may both train that run; both write the same result (the runs
/// are seeded). The folder's name should carry every setting that changes a result: a stored result is reused as it is.
/// </remarks>
public sealed class TheoryRunCache
{
    private const string ResultExtension = ".json";
    private const string ClaimExtension = ".claim";
    private static readonly TimeSpan UnreadableClaimAge = TimeSpan.FromMinutes(1);
    private readonly TimeSpan _poll;

    /// <summary>A cache of results in <paramref name="folder"/>; <paramref name="poll"/> is how often claimed runs are looked for.</summary>
    public TheoryRunCache(string folder, TimeSpan? poll = null)
    {
        Folder = folder;
        _poll = poll ?? TimeSpan.FromSeconds(2);
    }

    /// <summary>Where the results and claims are.</summary>
    public string Folder { get; }

    /// <summary>How many of the last <see cref="Run{T}"/>'s results were read from disk rather than computed by this process.</summary>
    public int Reused { get; private set; }

    /// <summary>
    /// Every job's result, in the order of <paramref name="jobs"/>: read from the folder where stored, else computed here (claimed
    /// first), else, when another living process holds the job, waited for. <paramref name="completed"/> gets the count done so far.
    /// </summary>
    public IReadOnlyList<T> Run<T>(IReadOnlyList<(string Key, Func<T> Compute)> jobs, Action<int>? completed = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        Directory.CreateDirectory(Folder);
        var results = new T[jobs.Count];
        var pending = Enumerable.Range(0, jobs.Count).ToList();
        int done = 0;
        Reused = 0;
        while (pending.Count > 0)
        {
            bool progressed = false;
            foreach (int i in pending.ToArray())
            {
                var (key, compute) = jobs[i];
                if (TryRead(key, out T stored))
                {
                    results[i] = stored;
                    Reused++;
                }
                else if (TryClaim(key))
                {
                    results[i] = ComputeAndStore(key, compute);
                }
                else
                {
                    continue;
                }
                pending.Remove(i);
                progressed = true;
                completed?.Invoke(++done);
            }
            if (!progressed) Thread.Sleep(_poll);
        }
        return results;
    }

    private string ResultPath(string key) => Path.Combine(Folder, key + ResultExtension);

    private string ClaimPath(string key) => Path.Combine(Folder, key + ClaimExtension);

    private bool TryRead<T>(string key, out T value)
    {
        value = default!;
        var path = ResultPath(key);
        if (!File.Exists(path)) return false;
        value = JsonSerializer.Deserialize<T>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path} holds no result; delete it to compute the run again.");
        return true;
    }

    private bool TryClaim(string key)
    {
        var claim = ClaimPath(key);
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using var stream = new FileStream(claim, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                return true;
            }
            catch (IOException) when (File.Exists(claim))
            {
                if (ClaimantIsAlive(claim)) return false;
                File.Delete(claim);   // its process has gone: take the run over
            }
        }
        return false;
    }

    private static bool ClaimantIsAlive(string claim)
    {
        if (!int.TryParse(File.ReadAllText(claim), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            return DateTime.UtcNow - File.GetLastWriteTimeUtc(claim) < UnreadableClaimAge;   // perhaps being written just now
        if (id == Environment.ProcessId) return false;   // left by this process's own failed run
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;   // no such process
        }
    }

    private T ComputeAndStore<T>(string key, Func<T> compute)
    {
        try
        {
            var value = compute();
            var path = ResultPath(key);
            var temporary = $"{path}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(value));
            File.Move(temporary, path, overwrite: true);
            return value;
        }
        finally
        {
            File.Delete(ClaimPath(key));
        }
    }
}
