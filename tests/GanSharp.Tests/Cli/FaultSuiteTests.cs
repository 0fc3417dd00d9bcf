using System.IO.Compression;
using System.Security.Cryptography;
using GanSharp.Tests.Data;
using SkiaSharp;

namespace GanSharp.Tests.Cli;

/// <summary>
/// The fault suite: bad inputs and broken files, each run through the command line in-process. Every case asserts the exit code, a
/// message naming the problem (one line of text: no stack trace, no binary), and that the previous runs and every other file in its
/// folder are unchanged. The cases are cheap: they fail before training, or train a few iterations of tiny models.
/// </summary>
public sealed class FaultSuiteTests : IClassFixture<FaultSuiteFixture>
{
    private readonly FaultSuiteFixture _fixture;

    public FaultSuiteTests(FaultSuiteFixture fixture) => _fixture = fixture;

    /// <summary>A folder of its own for each case, holding copies of the fixture's runs and pictures.</summary>
    public sealed class CaseFolder
    {
        public CaseFolder(string root) => Root = root;

        public string Root { get; }

        public string Point => Path.Combine(Root, "point-run");

        public string Image => Path.Combine(Root, "image-run");

        public string Pictures => Path.Combine(Root, "pictures");

        /// <summary>Where a case that may write a new run writes it (left out of the unchanged check).</summary>
        public string New => Path.Combine(Root, "new");

        public string File(string name) => Path.Combine(Root, name);

        public static string LatestCheckpoint(string run) =>
            Directory.GetFiles(Path.Combine(run, "checkpoints"), "checkpoint-*.gsckpt").Max(StringComparer.Ordinal)!;
    }

    /// <param name="Name">What is wrong.</param>
    /// <param name="ExitCode">The expected exit code.</param>
    /// <param name="Message">Phrases the message must contain.</param>
    /// <param name="Args">The command line.</param>
    /// <param name="Arrange">Breaks something before the command runs (part of the folder the case checks afterwards).</param>
    /// <param name="WritesRun">The command starts a run in <see cref="CaseFolder.New"/> that fails while training (the others leave no folder there).</param>
    private sealed record FaultCase(string Name, int ExitCode, string[] Message, Func<CaseFolder, string[]> Args, Action<CaseFolder>? Arrange = null, bool WritesRun = false);

    private const string Tiny = "--iterations 3 --g-width 8 --d-width 8 --frames-every 0 --threads 1";

    private static string[] Split(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static FaultCase Train(string name, string[] message, Func<CaseFolder, string> args, Action<CaseFolder>? arrange = null, bool writesRun = false) =>
        new(name, 1, message, c => new[] { "train" }.Concat(Split(args(c))).ToArray(), arrange, writesRun);

    private static byte[] Garbage(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 73 + 11)).ToArray();

    private static void ReplaceEntry(string checkpoint, string entry, byte[] bytes)
    {
        using var zip = ZipFile.Open(checkpoint, ZipArchiveMode.Update);
        zip.GetEntry(entry)!.Delete();
        using var stream = zip.CreateEntry(entry).Open();
        stream.Write(bytes);
    }

    /// <summary>Flips bits of every byte of <paramref name="entry"/> after the first: the entry count survives, the names become bytes.</summary>
    private static void Scramble(string checkpoint, string entry)
    {
        byte[] bytes;
        using (var zip = ZipFile.OpenRead(checkpoint))
        using (var memory = new MemoryStream())
        {
            using (var stream = zip.GetEntry(entry)!.Open()) stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        for (int i = 1; i < bytes.Length; i++) bytes[i] ^= 0x5A;
        ReplaceEntry(checkpoint, entry, bytes);
    }

    private static readonly FaultCase[] Cases =
    {
        // 1. A folder holds one run: a new run refuses another run's folder, leftovers of one, and folders of other files.
        Train("new run into a point run's folder", new[] { "already holds a run on points", "--resume", "--force" }, c => $"--data ring {Tiny} --out {c.Point}"),
        Train("point run into an image run's folder", new[] { "already holds a run on images", "--force" }, c => $"--data moons {Tiny} --out {c.Image}"),
        Train("mistyped data path into a run's folder with --force", new[] { "my-points.csv", "does not exist" }, c => $"--data {c.File("my-points.csv")} {Tiny} --out {c.Point} --force"),
        Train("mistyped data path into a run's folder", new[] { "already holds a run" }, c => $"--data {c.File("my-points.csv")} {Tiny} --out {c.Point}"),
        Train("point run into a folder of pictures", new[] { "holds no GanSharp run", "0.png" }, c => $"--data ring {Tiny} --out {c.Pictures}"),
        Train("new run into a run's leftovers without config.json", new[] { "already holds the outputs of a run", "metrics.json" }, c => $"--data ring {Tiny} --out {c.File("stale")}",
            c =>
            {
                Directory.CreateDirectory(c.File("stale"));
                foreach (var name in new[] { "metrics.json", "training.gif", "curves.png", "samples.csv" })
                    System.IO.File.Copy(Path.Combine(c.Point, name), Path.Combine(c.File("stale"), name));
            }),
        Train("image run writing into the pictures it trains on", new[] { "inside the image folder" }, c => $"--data {c.Pictures} --image-size 28 --channels 1 --out {Path.Combine(c.Pictures, "run")}"),
        Train("output folder that is a file", new[] { "is a file" }, c => $"--data ring {Tiny} --out {Path.Combine(c.Point, "samples.csv")}"),
        Train("resume of a folder whose marker says another kind", new[] { "run.json", "mixes two runs" }, c => $"--resume {c.Point}",
            c => System.IO.File.WriteAllText(Path.Combine(c.Point, "run.json"), "{\"format\": \"gansharp-run\", \"version\": 1, \"kind\": \"images\"}")),
        Train("resume of a folder of a newer layout", new[] { "run.json", "layout 99" }, c => $"--resume {c.Point}",
            c => System.IO.File.WriteAllText(Path.Combine(c.Point, "run.json"), "{\"format\": \"gansharp-run\", \"version\": 99, \"kind\": \"points\"}")),

        // 2. Bounds checked before work starts.
        Train("100000 threads", new[] { "threads 100000", "at most" }, c => $"--data ring --iterations 3 --threads 100000 --out {c.New}"),
        Train("100000 threads on resume", new[] { "threads 100000", "at most" }, c => $"--resume {c.Point} --threads 100000"),
        Train("a batch beyond memory", new[] { "batch size 1000000000 (--batch-size)", "needs about", "TiB" }, c => $"--data ring --batch-size 1000000000 --threads 1 --out {c.New}"),
        Train("a DCGAN batch beyond memory", new[] { "batch size 2000000000 (--batch-size)", "needs about" },
            c => $"--data {c.Pictures} --image-size 28 --channels 1 --batch-size 2000000000 --threads 1 --out {c.New}"),
        new("sample count beyond memory", 1, new[] { "--n 100000000", "needs about" }, c => new[] { "sample", "--checkpoint", c.Image, "--n", "100000000", "--out", c.File("big.png") }),
        new("eval sample count beyond memory", 1, new[] { "--n 2000000000", "needs about" },
            c => new[] { "eval", "--checkpoint", c.Image, "--data", "fashion-mnist", "--n", "2000000000", "--cache-dir", c.File("cache") }),

        // 3. Broken checkpoints and run files: the message names the file and the entry, never prints its bytes.
        Train("resume with corrupt bytes in generator.bin", new[] { "checkpoint-000000004.gsckpt", "entry generator.bin", "corrupt" }, c => $"--resume {c.Point}",
            c => Scramble(CaseFolder.LatestCheckpoint(c.Point), "generator.bin")),
        Train("resume with garbage for generator.bin", new[] { "entry generator.bin" }, c => $"--resume {c.Point}",
            c => ReplaceEntry(CaseFolder.LatestCheckpoint(c.Point), "generator.bin", Garbage(8192))),
        Train("resume with a truncated discriminator.bin", new[] { "entry discriminator.bin" }, c => $"--resume {c.Point}",
            c => ReplaceEntry(CaseFolder.LatestCheckpoint(c.Point), "discriminator.bin", Garbage(10))),
        Train("resume with a corrupt optimiser state", new[] { "entry generator-optimizer.bin" }, c => $"--resume {c.Point}",
            c => ReplaceEntry(CaseFolder.LatestCheckpoint(c.Point), "generator-optimizer.bin", Garbage(300))),
        Train("resume with a corrupt state.json", new[] { "checkpoint-000000004.gsckpt", "entry state.json" }, c => $"--resume {c.Point}",
            c => ReplaceEntry(CaseFolder.LatestCheckpoint(c.Point), "state.json", Garbage(200))),
        Train("resume with a state.json of nulls", new[] { "entry state.json", "lacks" }, c => $"--resume {c.Point}",
            c => ReplaceEntry(CaseFolder.LatestCheckpoint(c.Point), "state.json", "{\"FormatVersion\": 2, \"Iteration\": 4}"u8.ToArray())),
        Train("resume with a corrupt config.json entry", new[] { "checkpoint-000000004.gsckpt", "entry config.json" }, c => $"--resume {c.Point}",
            c => ReplaceEntry(CaseFolder.LatestCheckpoint(c.Point), "config.json", "{\"data\": \"ring\", \"k\": \"two\"}"u8.ToArray())),
        Train("resume with a checkpoint that is not an archive", new[] { "checkpoint-000000004.gsckpt", "not a GanSharp checkpoint" }, c => $"--resume {c.Point}",
            c => System.IO.File.WriteAllBytes(CaseFolder.LatestCheckpoint(c.Point), Garbage(5000))),
        Train("resume with a checkpoint cut in half", new[] { "checkpoint-000000004.gsckpt" }, c => $"--resume {c.Point}",
            c =>
            {
                var path = CaseFolder.LatestCheckpoint(c.Point);
                var bytes = System.IO.File.ReadAllBytes(path);
                System.IO.File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            }),
        Train("resume with a checkpoint of other settings", new[] { "was written for other settings", "seed" }, c => $"--resume {c.Point}",
            c =>
            {
                var path = CaseFolder.LatestCheckpoint(c.Point);
                string config;
                using (var zip = ZipFile.OpenRead(path))
                using (var reader = new StreamReader(zip.GetEntry("config.json")!.Open())) config = reader.ReadToEnd();
                ReplaceEntry(path, "config.json", System.Text.Encoding.UTF8.GetBytes(config.Replace("\"seed\": 1", "\"seed\": 7", StringComparison.Ordinal)));
            }),
        Train("resume with binary bytes in config.json", new[] { "config.json" }, c => $"--resume {c.Point}",
            c => System.IO.File.WriteAllBytes(Path.Combine(c.Point, "config.json"), Garbage(3000))),
        Train("resume with a duplicate key in config.json", new[] { "config.json", "Duplicate property 'seed'" }, c => $"--resume {c.Point}",
            c => System.IO.File.WriteAllText(Path.Combine(c.Point, "config.json"), System.IO.File.ReadAllText(Path.Combine(c.Point, "config.json")).Replace("{", "{\n  \"seed\": 3,", StringComparison.Ordinal))),
        Train("resume of a folder that is not a run", new[] { "is not a run folder", "config.json" }, c => $"--resume {c.Pictures}"),
        Train("resume of a folder that does not exist", new[] { "nowhere" }, c => $"--resume {c.File("nowhere")}"),
        Train("resume with another model", new[] { "model: the run has \"mlp\", requested \"dcgan\"" }, c => $"--resume {c.Point} --model dcgan"),
        Train("resume with other data", new[] { "data: the run has \"ring\"" }, c => $"--resume {c.Point} --data moons"),
        new("sample from a checkpoint with corrupt generator.bin", 1, new[] { "entry generator.bin" }, c => new[] { "sample", "--checkpoint", c.Image, "--out", c.File("s.png") },
            c => ReplaceEntry(CaseFolder.LatestCheckpoint(c.Image), "generator.bin", Garbage(4096))),
        new("sample from a missing checkpoint", 1, new[] { "No checkpoint file or run folder", "missing.gsckpt" }, c => new[] { "sample", "--checkpoint", c.File("missing.gsckpt"), "--out", c.File("s.png") }),
        new("sample from a folder without checkpoints", 1, new[] { "holds no checkpoint" }, c => new[] { "sample", "--checkpoint", c.Pictures, "--out", c.File("s.png") }),
        new("export from a file that is not a checkpoint", 1, new[] { "0.png", "not a GanSharp checkpoint" }, c => new[] { "export", "--checkpoint", Path.Combine(c.Pictures, "0.png"), "--out", c.File("g.safetensors") }),

        // 4. eval checks its inputs before the feature classifier is trained or read (the data is not even opened: --data-dir leads nowhere).
        new("eval of a broken checkpoint", 1, new[] { "broken.gsckpt", "not a GanSharp checkpoint" },
            c => new[] { "eval", "--checkpoint", c.File("broken.gsckpt"), "--data", "fashion-mnist", "--data-dir", c.File("nowhere"), "--cache-dir", c.File("cache") },
            c => System.IO.File.WriteAllBytes(c.File("broken.gsckpt"), Garbage(100))),
        new("eval of 64×64 colour samples without --resize", 1, new[] { "64×64 colour picture", "--resize" },
            c => new[] { "eval", "--samples", c.File("rgb"), "--data", "fashion-mnist", "--data-dir", c.File("nowhere"), "--cache-dir", c.File("cache") },
            c =>
            {
                for (int i = 0; i < 3; i++) TestPictures.Solid(Path.Combine(c.File("rgb"), $"{i}.png"), 64, 64, new SKColor(200, 30, (byte)(50 * i)));
            }),
        new("eval of a checkpoint and samples at once", 1, new[] { "not both" }, c => new[] { "eval", "--checkpoint", c.Image, "--samples", c.Pictures, "--data", "fashion-mnist" }),
        new("eval of samples without data", 1, new[] { "'--data' is required" }, c => new[] { "eval", "--samples", c.Image }),
        new("eval --run of an image run", 1, new[] { "is not a finished run on points" }, c => new[] { "eval", "--run", c.Image }),
        new("eval --run of a missing folder", 1, new[] { "nowhere", "does not exist" }, c => new[] { "eval", "--run", c.File("nowhere") }),
        new("eval --points without a target", 1, new[] { "--points needs the target" }, c => new[] { "eval", "--points", Path.Combine(c.Point, "samples.csv") }),

        // 9. Conventions: the output format follows the extension; a folder is not a file; duplicate keys are errors.
        new("sample into a .jpg", 1, new[] { "x.jpg", "extension .jpg", ".png" }, c => new[] { "sample", "--checkpoint", c.Image, "--out", c.File("x.jpg") }),
        new("sample grid into an existing folder", 1, new[] { "is a folder", "samples.png" }, c => new[] { "sample", "--checkpoint", c.Image, "--out", c.Pictures }),
        new("sample walk into a .bmp", 1, new[] { "extension .bmp", ".png or .gif" }, c => new[] { "sample", "--checkpoint", c.Image, "--interpolate", "--out", c.File("walk.bmp") }),
        new("sample files into a file", 1, new[] { "is a file" }, c => new[] { "sample", "--checkpoint", c.Image, "--format", "png", "--out", Path.Combine(c.Point, "samples.csv") }),
        new("export into a .bin", 1, new[] { "extension .bin", ".safetensors" }, c => new[] { "export", "--checkpoint", c.Image, "--out", c.File("g.bin") }),
        new("export into an existing folder", 1, new[] { "is a folder" }, c => new[] { "export", "--checkpoint", c.Image, "--out", c.Pictures }),
        Train("config file with a duplicate key", new[] { "c.json", "Duplicate property 'iterations'" }, c => $"--config {c.File("c.json")} --out {c.New}",
            c => System.IO.File.WriteAllText(c.File("c.json"), "{\"iterations\": 3, \"iterations\": 4}")),

        // Already handled before this suite; kept so that they stay so.
        Train("config file with an unknown key", new[] { "learning_rate" }, c => $"--config {c.File("c.json")} --out {c.New}",
            c => System.IO.File.WriteAllText(c.File("c.json"), "{\"learning_rate\": 0.1}")),
        Train("config file that is not JSON", new[] { "c.json" }, c => $"--config {c.File("c.json")} --out {c.New}", c => System.IO.File.WriteAllText(c.File("c.json"), "iterations = 3")),
        Train("config file that is a JSON array", new[] { "a configuration is a JSON object" }, c => $"--config {c.File("c.json")} --out {c.New}", c => System.IO.File.WriteAllText(c.File("c.json"), "[1, 2]")),
        Train("missing config file", new[] { "nothing.json", "does not exist" }, c => $"--config {c.File("nothing.json")} --out {c.New}"),
        Train("unknown objective", new[] { "wasserstein" }, c => $"--objective wasserstein --out {c.New}"),
        Train("iterations that are not a number", new[] { "many" }, c => $"--iterations many --out {c.New}"),
        Train("unknown option", new[] { "--bogus" }, c => $"--bogus 1 --out {c.New}"),
        Train("unknown data", new[] { "'spiral' is neither a built-in target" }, c => $"--data spiral --out {c.New}"),
        Train("DCGAN setting on points", new[] { "features (--features) applies to DCGAN models" }, c => $"--data ring --features 8 --out {c.New}"),
        Train("epochs on points", new[] { "epochs (--epochs) applies to image data" }, c => $"--data ring --epochs 2 --out {c.New}"),
        Train("batch size 0", new[] { "batch size must be at least 1" }, c => $"--batch-size 0 --out {c.New}"),
        Train("k 0", new[] { "k (discriminator steps per iteration) must be at least 1" }, c => $"--k 0 --out {c.New}"),
        Train("negative learning rate", new[] { "learning rate must be a positive number" }, c => $"--lr-d -1 --out {c.New}"),
        Train("keep 0", new[] { "keep must be at least 1" }, c => $"--keep 0 --out {c.New}"),
        Train("checkpoint-every 0", new[] { "checkpoint-every must be at least 1" }, c => $"--checkpoint-every 0 --out {c.New}"),
        Train("negative frames-every", new[] { "frames-every must be zero" }, c => $"--frames-every -1 --out {c.New}"),
        Train("negative threads", new[] { "threads must be zero" }, c => $"--threads -1 --out {c.New}"),
        Train("unsupported image size", new[] { "image size 48 is not supported" }, c => $"--data {c.Pictures} --image-size 48 --out {c.New}"),
        Train("two channels", new[] { "channels must be 1" }, c => $"--data {c.Pictures} --channels 2 --out {c.New}"),
        Train("too many images per grid", new[] { "between 1 and 1024" }, c => $"--data {c.Pictures} --samples 5000 --out {c.New}"),
        Train("FD on colour images", new[] { "eval-every measures FD" }, c => $"--data {c.Pictures} --eval-every 10 --out {c.New}"),
        Train("batch larger than the pictures", new[] { "Batch size 16 exceeds the 8 images" }, c => $"--data {c.Pictures} --image-size 28 --channels 1 --batch-size 16 --threads 1 --out {c.New}"),
        Train("CUDA without CUDA", new[] { "CUDA is not available" }, c => $"--data ring {Tiny} --device cuda --out {c.New}"),
        Train("missing point file", new[] { "absent.npy", "does not exist" }, c => $"--data {c.File("absent.npy")} --out {c.New}"),
        Train("malformed point file", new[] { "line 2, field 2" }, c => $"--data {c.File("bad.csv")} --out {c.New}", c => System.IO.File.WriteAllText(c.File("bad.csv"), "1,2\n3,four\n")),
        Train("points with three coordinates", new[] { "1 or 2 coordinates" }, c => $"--data {c.File("p3.csv")} --out {c.New}", c => System.IO.File.WriteAllText(c.File("p3.csv"), "1,2,3\n4,5,6\n")),
        Train("empty picture folder", new[] { "holds no .png, .jpg or .jpeg files" }, c => $"--data {c.File("empty")} --out {c.New}", c => Directory.CreateDirectory(c.File("empty"))),
        Train("pictures that are all truncated", new[] { "None of the 3 picture files", "truncated" }, c => $"--data {c.File("cut")} --image-size 28 --channels 1 --out {c.New}",
            c =>
            {
                for (int i = 0; i < 3; i++)
                {
                    var path = Path.Combine(c.File("cut"), $"{i}.png");
                    TestPictures.Write(path, 28, 28, (x, y) => new SKColor((byte)(9 * x), (byte)(9 * y), (byte)(x * y)));
                    var bytes = System.IO.File.ReadAllBytes(path);
                    System.IO.File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                }
            }),
        Train("pictures that are not pictures", new[] { "None of the 1 picture files", "not a readable PNG or JPEG image" }, c => $"--data {c.File("fake")} --out {c.New}",
            c =>
            {
                Directory.CreateDirectory(c.File("fake"));
                System.IO.File.WriteAllBytes(Path.Combine(c.File("fake"), "a.png"), Garbage(300));
            }),
        Train("a diverging run", new[] { "diverged at iteration" }, c => $"--data ring --lr-d 1e30 --lr-g 1e30 --iterations 200 --g-width 8 --d-width 8 --frames-every 0 --threads 1 --out {c.New}", writesRun: true),
    };

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_bad_input_exits_with_a_message_naming_the_problem_and_leaves_every_previous_file_unchanged(string name)
    {
        var fault = Cases.Single(c => c.Name == name);
        using var dir = new TempDirectory();
        var folder = new CaseFolder(dir.Path);
        CopyFolder(_fixture.PointRun, folder.Point);
        CopyFolder(_fixture.ImageRun, folder.Image);
        CopyFolder(_fixture.Pictures, folder.Pictures);
        fault.Arrange?.Invoke(folder);
        var before = Snapshot(folder.Root, folder.New);

        var (code, output) = FaultSuiteFixture.Gansharp(fault.Args(folder));

        Assert.True(code == fault.ExitCode, $"{name}: exit code {code}, expected {fault.ExitCode}:\n{output}");
        foreach (var phrase in fault.Message) Assert.True(output.Contains(phrase, StringComparison.Ordinal), $"{name}: no '{phrase}' in:\n{output}");
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);   // a .NET stack frame
        Assert.DoesNotContain("frame #", output, StringComparison.Ordinal);   // a native one
        Assert.False(output.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t') || ch == '\uFFFD'), $"{name}: binary in the message:\n{output}");
        Assert.Equal(before, Snapshot(folder.Root, folder.New));
        Assert.True(fault.WritesRun || !Directory.Exists(folder.New), $"{name}: a failed start left {folder.New}");
    }

    [Fact]
    public void The_suite_covers_each_problem_once()
    {
        Assert.True(Cases.Length >= 60, $"{Cases.Length} cases");
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct().Count());
    }

    /// <summary>Every file under <paramref name="root"/> (but <paramref name="exclude"/>) with a hash of its bytes, and every folder.</summary>
    private static SortedDictionary<string, string> Snapshot(string root, string exclude)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            if (entry == exclude || entry.StartsWith(exclude + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            snapshot[Path.GetRelativePath(root, entry)] = System.IO.File.Exists(entry) ? Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(entry))) : "folder";
        }
        return snapshot;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) System.IO.File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
