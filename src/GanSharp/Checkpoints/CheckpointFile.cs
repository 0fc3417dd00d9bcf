using System.IO.Compression;
using System.Text;
using System.Text.Json;
using GanSharp.Gan;
using GanSharp.Runtime;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Checkpoints;

/// <summary>
/// One checkpoint file: a zip archive holding the run's configuration (<c>config.json</c>), its position and its observers'
/// records (<c>state.json</c>), G and D in TorchSharp's module format (<c>generator.bin</c>, <c>discriminator.bin</c>), both
/// optimisers' states, with replay the replay buffer (<c>replay.bin</c>) and with an EMA of G's weights that average (<c>generator-ema.bin</c>).
/// Written to a temporary file and renamed, so a reader never sees a partial checkpoint, even after SIGKILL.
/// </summary>
public static class CheckpointFile
{
    /// <summary>File extension of checkpoints.</summary>
    public const string Extension = ".gsckpt";

    /// <summary>Layout version written into <see cref="CheckpointState.FormatVersion"/>.</summary>
    public const int FormatVersion = 2;

    /// <summary>Name of the entry holding the run's configuration.</summary>
    public const string ConfigEntryName = ConfigEntry;

    private const string ConfigEntry = "config.json";
    private const string StateEntry = "state.json";
    private const string GeneratorEntry = "generator.bin";
    private const string DiscriminatorEntry = "discriminator.bin";
    private const string GeneratorOptimizerEntry = "generator-optimizer.bin";
    private const string DiscriminatorOptimizerEntry = "discriminator-optimizer.bin";
    private const string ReplayEntry = "replay.bin";
    private const string AverageEntry = "generator-ema.bin";
    private const string BaselineEntry = "baseline.bin";

    /// <summary>
    /// Writes everything needed to resume <paramref name="trainer"/> exactly, with the run's <paramref name="configJson"/>,
    /// its observers' <paramref name="runState"/> and the <paramref name="sampleShape"/>, atomically.
    /// </summary>
    public static void Write(string path, string configJson, string? runState, long[] sampleShape, GanTrainer trainer)
    {
        var state = new CheckpointState(FormatVersion, trainer.Iteration, StreamState(trainer.NoiseStream), trainer.Data.SaveState(), sampleShape, runState);
        WriteArchive(path, configJson, state, zip =>
        {
            AddBinary(zip, GeneratorEntry, w => trainer.Generator.save(w));
            AddBinary(zip, DiscriminatorEntry, w => trainer.Discriminator.save(w));
            AddBinary(zip, GeneratorOptimizerEntry, w => Helper(trainer.GeneratorOptimizer).save_state_dict(w));
            AddBinary(zip, DiscriminatorOptimizerEntry, w => Helper(trainer.DiscriminatorOptimizer).save_state_dict(w));
            if (trainer.Replay is { } replay) AddBinary(zip, ReplayEntry, replay.SaveState);
            if (trainer.Average is { } average) AddBinary(zip, AverageEntry, w => average.Generator.save(w));
        });
    }

    /// <summary>
    /// Writes everything needed to resume the baseline <paramref name="trainer"/> exactly: its sampler as the generator (so sampling and
    /// evaluation read it like a GAN's G) and the rest of its state (<c>baseline.bin</c>), atomically.
    /// </summary>
    public static void Write(string path, string configJson, string? runState, long[] sampleShape, Baselines.IBaselineTrainer trainer)
    {
        var state = new CheckpointState(FormatVersion, trainer.Iteration, StreamState(trainer.NoiseStream), trainer.Data.SaveState(), sampleShape, runState);
        WriteArchive(path, configJson, state, zip =>
        {
            AddBinary(zip, GeneratorEntry, w => trainer.Sampler.save(w));
            AddBinary(zip, BaselineEntry, trainer.SaveState);
        });
    }

    /// <summary>The checkpoint's zip, atomically: the settings and the state, then the entries <paramref name="addModels"/> adds.</summary>
    private static void WriteArchive(string path, string configJson, CheckpointState state, Action<ZipArchive> addModels) =>
        AtomicFile.Write(path, file =>
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
            AddText(zip, ConfigEntry, configJson);
            AddText(zip, StateEntry, JsonSerializer.Serialize(state));
            addModels(zip);
        });

    /// <summary>Restores the baseline <paramref name="trainer"/>: its sampler, its other state, the iteration and the noise and data streams; returns the stored state.</summary>
    /// <exception cref="InvalidDataException">The checkpoint is corrupt or holds another model.</exception>
    public static CheckpointState Restore(string path, Baselines.IBaselineTrainer trainer)
    {
        using var zip = Open(path);
        var state = ReadState(zip, path);
        LoadModule(zip, path, GeneratorEntry, trainer.Sampler, "generator");
        ReadBinary(zip, path, BaselineEntry, trainer.LoadState);
        using (var noise = tensor(state.NoiseStreamState, dtype: uint8)) trainer.NoiseStream.set_state(noise);
        trainer.Data.LoadState(state.Data);
        trainer.Iteration = state.Iteration;
        return state;
    }

    /// <summary>The configuration JSON stored in the checkpoint at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Not a GanSharp checkpoint.</exception>
    public static string ReadConfig(string path)
    {
        using var zip = Open(path);
        return ReadText(zip, path, ConfigEntry);
    }

    /// <summary>The iteration and random-stream positions stored at <paramref name="path"/>.</summary>
    public static CheckpointState ReadState(string path)
    {
        using var zip = Open(path);
        return ReadState(zip, path);
    }

    /// <summary>
    /// Loads only the weights that sample (for sampling, evaluation and export) into <paramref name="generator"/>, which must have the
    /// stored architecture: the moving average of G's weights where the run kept one, else (or with <paramref name="ownWeights"/>) G's own.
    /// Returns whether it was the average.
    /// </summary>
    /// <exception cref="InvalidDataException">The stored weights do not fit <paramref name="generator"/> (another architecture).</exception>
    public static bool LoadGenerator(string path, Module generator, bool ownWeights = false)
    {
        using var zip = Open(path);
        bool average = !ownWeights && zip.GetEntry(AverageEntry) is not null;
        LoadModule(zip, path, average ? AverageEntry : GeneratorEntry, generator, "generator");
        return average;
    }

    /// <summary>Restores G, D, both optimisers, the replay buffer, the iteration and the noise and data streams of <paramref name="trainer"/>; returns the stored state.</summary>
    /// <exception cref="InvalidDataException">The checkpoint is corrupt or holds another architecture.</exception>
    public static CheckpointState Restore(string path, GanTrainer trainer)
    {
        using var zip = Open(path);
        var state = ReadState(zip, path);
        LoadModule(zip, path, GeneratorEntry, trainer.Generator, "generator");
        LoadModule(zip, path, DiscriminatorEntry, trainer.Discriminator, "discriminator");
        ReadEntry(zip, path, GeneratorOptimizerEntry, "is not G's optimiser state", r => Helper(trainer.GeneratorOptimizer).load_state_dict(r));
        ReadEntry(zip, path, DiscriminatorOptimizerEntry, "is not D's optimiser state", r => Helper(trainer.DiscriminatorOptimizer).load_state_dict(r));
        if (trainer.Replay is { } replay) ReadEntry(zip, path, ReplayEntry, "is not a replay buffer", replay.LoadState);
        if (trainer.Average is { } average) LoadModule(zip, path, AverageEntry, average.Generator, "averaged generator");
        using (var noise = tensor(state.NoiseStreamState, dtype: uint8)) trainer.NoiseStream.set_state(noise);
        trainer.Data.LoadState(state.Data);
        trainer.Iteration = state.Iteration;
        return state;
    }

    private static CheckpointState ReadState(ZipArchive zip, string path)
    {
        CheckpointState? state;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(ReadText(zip, path, StateEntry));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: its entry {StateEntry} is not a checkpoint state ({Reason(e)}).", e);
        }
        if (state is null) throw new InvalidDataException($"{path}: its entry {StateEntry} is empty.");
        if (state.NoiseStreamState is null || state.Data is null || state.SampleShape is null)
            throw new InvalidDataException($"{path}: its entry {StateEntry} lacks the noise stream, the data position or the sample shape.");
        if (state.FormatVersion != FormatVersion)
            throw new InvalidDataException($"{path}: checkpoint format {state.FormatVersion}; this GanSharp reads format {FormatVersion} (checkpoints of format 1 were written before runs on points and images shared one configuration).");
        return state;
    }

    private static OptimizerHelper Helper(optim.Optimizer optimizer) =>
        optimizer as OptimizerHelper ?? throw new NotSupportedException($"Optimiser {optimizer.GetType().Name} cannot save its state.");

    private static byte[] StreamState(RandomStream stream)
    {
        using var state = stream.get_state();
        return state.data<byte>().ToArray();
    }

    private static ZipArchive Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Checkpoint not found: {path}", path);
        try
        {
            return new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path} is not a GanSharp checkpoint (not a readable archive: {e.Message}).", e);
        }
    }

    private static void LoadModule(ZipArchive zip, string path, string entry, Module module, string who) =>
        ReadEntry(zip, path, entry, $"holds a {who} of another architecture than the one built from its configuration", r => module.load(r, strict: true));

    /// <summary>Reads entry <paramref name="name"/> with <paramref name="read"/>; any failure becomes a message naming the file, the entry and <paramref name="problem"/> (what else may be wrong with it).</summary>
    private static void ReadEntry(ZipArchive zip, string path, string name, string problem, Action<BinaryReader> read)
    {
        try
        {
            ReadBinary(zip, path, name, read);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InvalidDataException { Data.Count: > 0 }))
        {
            throw new InvalidDataException($"{path}: its entry {name} is corrupt or {problem} ({Reason(e)}).", e);
        }
    }

    /// <summary>What went wrong, in one printable line: the bytes of a corrupt entry read as a name never reach the message.</summary>
    private static string Reason(Exception e)
    {
        var line = e.Message.Split('\n', 2)[0].Trim();
        bool printable = line.All(c => !char.IsControl(c) && !char.IsSurrogate(c) && c != '\uFFFD');
        return printable && line.Length <= 160 ? $"{e.GetType().Name}: {line}" : $"{e.GetType().Name} on unreadable data";
    }

    private static void AddText(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void AddBinary(ZipArchive zip, string name, Action<BinaryWriter> write)
    {
        // TorchSharp's writers seek, zip entry streams cannot: write to memory first.
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true)) write(writer);
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        memory.Position = 0;
        memory.CopyTo(stream);
    }

    private static string ReadText(ZipArchive zip, string path, string name) => Encoding.UTF8.GetString(ReadBytes(zip, path, name));

    /// <summary>The bytes of entry <paramref name="name"/>; a damaged entry (bad compressed data or checksum) is a message naming it.</summary>
    private static byte[] ReadBytes(ZipArchive zip, string path, string name)
    {
        var entry = Entry(zip, path, name);
        try
        {
            using var memory = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(memory);
            return memory.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            var damaged = new InvalidDataException($"{path}: its entry {name} is damaged ({Reason(e)}).", e);
            damaged.Data["entry"] = name;
            throw damaged;
        }
    }

    private static void ReadBinary(ZipArchive zip, string path, string name, Action<BinaryReader> read)
    {
        using var memory = new MemoryStream(ReadBytes(zip, path, name));
        using var reader = new BinaryReader(memory, Encoding.UTF8);
        read(reader);
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string path, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"{path} is not a GanSharp checkpoint: it has no {name}.") { Data = { ["entry"] = name } };
}
