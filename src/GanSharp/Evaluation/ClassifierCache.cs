using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>
/// A folder of trained feature classifiers, each stored as <c>&lt;key&gt;.bin</c> (weights) and <c>&lt;key&gt;.json</c>
/// (<see cref="ClassifierRecord"/>), the key a SHA-256 of the training data, the architecture and the training settings.
/// </summary>
public sealed class ClassifierCache
{
    /// <summary>Environment variable that overrides the default folder.</summary>
    public const string DirectoryVariable = "GANSHARP_CACHE_DIR";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="directory">The folder; created on the first save.</param>
    public ClassifierCache(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The cache folder must be named.", nameof(directory));
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder holding the classifiers.</summary>
    public string Directory { get; }

    /// <summary>$GANSHARP_CACHE_DIR, else $XDG_CACHE_HOME/gansharp, else ~/.cache/gansharp; classifiers live in its <c>classifiers</c> subfolder.</summary>
    public static string DefaultDirectory()
    {
        var overridden = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(overridden)) return Path.Combine(overridden, "classifiers");
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg)
            ? Path.Combine(xdg, "gansharp")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "gansharp");
        return Path.Combine(root, "classifiers");
    }

    /// <summary>
    /// SHA-256 (hex) over the float32 bytes of <paramref name="images"/>, the labels, the architecture string and the
    /// training settings: any change to the data or the recipe gives a different key.
    /// </summary>
    public static string Key(Tensor images, IReadOnlyList<int> labels, string architecture, FeatureClassifierOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var pixels = images.detach().to_type(float32).cpu().contiguous())
        {
            var shape = string.Join(",", pixels.shape.Select(s => s.ToString(CultureInfo.InvariantCulture)));
            hash.AppendData(Encoding.UTF8.GetBytes($"images[{shape}]"));
            hash.AppendData(pixels.bytes);
        }
        hash.AppendData(MemoryMarshal.AsBytes(labels.ToArray().AsSpan()));
        hash.AppendData(Encoding.UTF8.GetBytes("\n" + architecture + "\n" + options.Describe()));
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>Path of the weights for <paramref name="key"/>.</summary>
    public string WeightsPath(string key) => Path.Combine(Directory, key + ".bin");

    /// <summary>Path of the record for <paramref name="key"/>.</summary>
    public string RecordPath(string key) => Path.Combine(Directory, key + ".json");

    /// <summary>The cached feature classifier under <paramref name="key"/> with its record, or null if none is cached.</summary>
    /// <exception cref="InvalidDataException">The cached files exist but are unreadable or do not fit the network.</exception>
    public (FeatureClassifier Classifier, ClassifierRecord Record)? TryLoad(string key) => TryLoad(key, record => new FeatureClassifier(record.ClassCount));

    /// <summary>
    /// The classifier cached under <paramref name="key"/>, built by <paramref name="create"/> from its record and loaded with the cached
    /// weights, in eval mode; or null if none is cached.
    /// </summary>
    /// <exception cref="InvalidDataException">The cached files exist but are unreadable or do not fit the network.</exception>
    public (T Classifier, ClassifierRecord Record)? TryLoad<T>(string key, Func<ClassifierRecord, T> create) where T : nn.Module
    {
        if (!File.Exists(WeightsPath(key)) || !File.Exists(RecordPath(key))) return null;
        ClassifierRecord record;
        try
        {
            record = JsonSerializer.Deserialize<ClassifierRecord>(File.ReadAllText(RecordPath(key)), JsonOptions)
                ?? throw new InvalidDataException("empty record");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Cached classifier record {RecordPath(key)} is unreadable ({e.Message}); delete it to retrain.", e);
        }
        var classifier = create(record);
        try
        {
            classifier.load(WeightsPath(key));
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException)
        {
            classifier.Dispose();
            throw new InvalidDataException($"Cached classifier weights {WeightsPath(key)} do not fit the network ({e.Message}); delete them to retrain.", e);
        }
        classifier.eval();
        return (classifier, record);
    }

    /// <summary>Writes the classifier's weights and record under <paramref name="key"/> (weights first, so a record always has weights).</summary>
    public void Save(string key, nn.Module classifier, ClassifierRecord record)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var weights = WeightsPath(key);
        var partial = weights + ".partial";
        classifier.save(partial);
        File.Move(partial, weights, overwrite: true);
        Runtime.AtomicFile.WriteAllText(RecordPath(key), JsonSerializer.Serialize(record, JsonOptions));
    }
}
