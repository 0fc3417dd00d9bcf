using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanSharp.Gan;
using GanSharp.Runs;
using GanSharp.Visualization;

namespace GanSharp.Lab;

/// <summary>
/// The page as one more observer of a run, on the training thread: between iterations it carries out the page's commands (play, pause,
/// one step of D or of G, one iteration, a change of setting, reset), holds the run while it is paused, and posts a frame when a page is
/// waiting for one, at most <see cref="FrameInterval"/> apart while training runs. Nothing here runs on the server's threads.
/// </summary>
internal sealed class LabObserver : IRunObserver, IDisposable
{
    /// <summary>Shortest time between two frames while training runs: at most 25 frames a second (fewer where <see cref="FrameShare"/> runs out).</summary>
    public static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// Most of the training thread's time that frames may take while training runs: 8%, so that with what a frame costs beyond its own
    /// build (the server sending it, collections, the browser drawing it on the other core) an open page slows training by at most 10%.
    /// </summary>
    public const double FrameShare = 0.08;

    /// <summary>Most frame time that can be saved up (while no page is open, say), so that frames never come in a burst.</summary>
    private static readonly TimeSpan FrameTimeBank = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a held run waits for a command before it looks at the stop request again.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly FrameMailbox _mailbox;
    private readonly CommandInbox _inbox;
    private readonly FrameBuilder _builder;
    private readonly CancellationToken _stop;
    private readonly Action _restart;
    private readonly Stopwatch _sinceFrame = Stopwatch.StartNew();
    private readonly Stopwatch _sinceIteration = Stopwatch.StartNew();
    private GanRun _run = null!;
    private bool _stepOnce;
    private bool _dirty = true;
    private long _sequence;
    private string _state = "training";
    private string? _message;
    private IterationStats? _last;
    private double? _lastDStep;
    private double? _lastGStep;
    private TimeSpan _lastBuild;
    private TimeSpan _frameTime;
    private long _frameTimeAt = Stopwatch.GetTimestamp();

    /// <param name="run">The run observed.</param>
    /// <param name="runId">Which run of the session it is.</param>
    /// <param name="mailbox">Where frames go.</param>
    /// <param name="inbox">Where commands come from.</param>
    /// <param name="playing">Whether training runs from the start (else it waits for "play").</param>
    /// <param name="speed">Most iterations a second (0: as many as the machine does).</param>
    /// <param name="restart">Called on the training thread when a new run should replace this one (<see cref="Restart"/>).</param>
    /// <param name="stop">Ctrl-C: stop holding the run.</param>
    public LabObserver(GanRun run, int runId, FrameMailbox mailbox, CommandInbox inbox, bool playing, int speed, Action restart, CancellationToken stop)
    {
        _builder = new FrameBuilder(run, runId);
        _mailbox = mailbox;
        _inbox = inbox;
        Playing = playing;
        Speed = speed;
        _stop = stop;
        _restart = restart;
    }

    /// <inheritdoc />
    public string Name => "lab";

    /// <summary>Whether training runs (false: paused).</summary>
    public bool Playing { get; private set; }

    /// <summary>Most iterations a second; 0 for no limit.</summary>
    public int Speed { get; private set; }

    /// <summary>The settings of the run that should replace this one (after reset, or a change of target); null to go on.</summary>
    public RunOptions? Restart { get; private set; }

    private bool Leaving => _stop.IsCancellationRequested || Restart is not null;

    /// <summary>
    /// While training runs: a page waits, the last frame is at least <see cref="FrameInterval"/> old, and frames have time left in their
    /// <see cref="FrameShare"/> of the training thread (<see cref="FrameTime"/>): a dear frame (the density layer, the numbers) is paid for
    /// by skipping the next ones, so frames never take more than that share, and on a busy machine the frame rate drops, not the training speed.
    /// </summary>
    private bool FrameDue => _mailbox.FrameWanted && _sinceFrame.Elapsed >= FrameInterval && FrameTime() > TimeSpan.Zero;

    /// <summary>
    /// The time frames may still take: it grows by <see cref="FrameShare"/> of every moment that passes, up to <see cref="FrameTimeBank"/>,
    /// and shrinks by each frame's cost.
    /// </summary>
    private TimeSpan FrameTime()
    {
        var now = Stopwatch.GetTimestamp();
        _frameTime += Stopwatch.GetElapsedTime(_frameTimeAt, now) * FrameShare;
        if (_frameTime > FrameTimeBank) _frameTime = FrameTimeBank;
        _frameTimeAt = now;
        return _frameTime;
    }

    /// <inheritdoc />
    public void Started(GanRun run)
    {
        _run = run;
        _mailbox.PostSetup(_builder.Setup(run));
        PostFrame();
        Pump();
    }

    /// <inheritdoc />
    public void IterationCompleted(GanRun run, IterationStats stats)
    {
        _last = stats;
        _dirty = true;
        _mailbox.Iteration = run.Iteration;
        Pump();
    }

    /// <inheritdoc />
    public void Finished(GanRun run, RunEnding ending)
    {
        if (Leaving) return;
        // The run is over (all iterations, or diverged) and its outputs are written: the page keeps showing it until Ctrl-C or a new run.
        _state = ending == RunEnding.Diverged ? "diverged" : "finished";
        Playing = false;
        _dirty = true;
        Hold(untilPlaying: false);
    }

    /// <summary>Between iterations: the page's commands, a frame if one is due, then holds while paused or paces to <see cref="Speed"/>.</summary>
    private void Pump()
    {
        while (!Leaving && _inbox.Take(TimeSpan.Zero) is { } request) Handle(request);
        if (Leaving) return;
        if (FrameDue) PostFrame();
        if (!Playing)
        {
            // Paused: hold until play, or let exactly one iteration through for "one iteration" (asked now or while held).
            if (!_stepOnce) Hold(untilPlaying: true);
            _stepOnce = false;
        }
        else if (Speed > 0)
        {
            var due = TimeSpan.FromSeconds(1.0 / Speed);
            while (!Leaving && _sinceIteration.Elapsed < due)
            {
                if (_inbox.Take(Min(due - _sinceIteration.Elapsed, Poll)) is { } request) Handle(request);
                if (FrameDue) PostFrame();
            }
        }
        _sinceIteration.Restart();
    }

    /// <summary>Holds the run (paused, or finished) carrying out commands until play, one iteration, Ctrl-C or a restart.</summary>
    private void Hold(bool untilPlaying)
    {
        if (untilPlaying && _state != "paused")
        {
            // A frame may have gone out since the pause was asked for, still saying "training": the page gets one that says "paused".
            _state = "paused";
            _dirty = true;
        }
        while (!Leaving && !(untilPlaying && (Playing || _stepOnce)))
        {
            // Held, the model changes only by a command: a frame after each, and one for a page that has just connected.
            if (_dirty || _mailbox.FrameRequested) PostFrame();
            if (_inbox.Take(Poll) is { } request) Handle(request);
        }
        if (untilPlaying) _state = "training";
    }

    private void Handle(LabRequest request)
    {
        byte[]? reply = null;
        try
        {
            var command = JsonNode.Parse(request.Body) as JsonObject ?? throw new ArgumentException("A command is a JSON object.");
            string name = command["command"]?.GetValue<string>() ?? throw new ArgumentException("A command names itself: {\"command\": \"play\"}.");
            bool over = _state is "finished" or "diverged";
            _message = null;
            switch (name)
            {
                case "play" when !over:
                    Playing = true;
                    break;
                case "pause":
                    Playing = false;
                    _dirty = true;
                    break;
                case "step" when !over:
                    Playing = false;
                    _stepOnce = true;
                    break;
                case "step-d" when !over:
                    _lastDStep = _run.StepDiscriminator();
                    _dirty = true;
                    break;
                case "step-g" when !over:
                    _lastGStep = _run.StepGenerator();
                    _dirty = true;
                    break;
                case "play" or "step" or "step-d" or "step-g":
                    _message = "The run is over: reset to train again.";
                    break;
                case "reset":
                    Replace(_run.Options);
                    break;
                case "settings":
                    ChangeSettings(command["settings"] as JsonObject ?? throw new ArgumentException("settings: a JSON object of settings, e.g. {\"objective\": \"minimax\"}."));
                    break;
                case "speed":
                    int speed = command["speed"]?.GetValue<int>() ?? 0;
                    if (speed < 0) throw new ArgumentException("speed: iterations a second, or 0 for no limit.");
                    Speed = speed;
                    break;
                case "gif":
                    reply = Gif();
                    if (reply is null) _message = "No frames yet: the run draws one every frames_every iterations.";
                    break;
                default:
                    throw new ArgumentException($"Unknown command '{name}'.");
            }
        }
        catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException or FormatException or IOException)
        {
            _message = e.Message;
        }
        request.Reply?.TrySetResult(reply);
        _dirty = true;
    }

    private void ChangeSettings(JsonObject changes)
    {
        if (changes["data"] is JsonValue data && data.TryGetValue<string>(out var target) && !string.Equals(target, _run.Options.Data, StringComparison.OrdinalIgnoreCase))
        {
            // Another target is another run: the same settings on new data, in the same folder, from iteration 0.
            var settings = _run.Options.ToSettings();
            foreach (var (key, value) in changes) settings[key] = value?.DeepClone();
            Replace(RunOptions.Resolve(settings));
            return;
        }
        changes.Remove("data");
        var changed = _run.ChangeSettings(changes);
        _message = changed.Count == 0 ? null
            : string.Join("; ", changed.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.What}: {c.From} → {c.To} at iteration {c.Iteration:N0}")));
    }

    private void Replace(RunOptions options)
    {
        Restart = options;
        _restart();
    }

    /// <summary>The run's PNG frames so far (PointFrames) as a GIF; null before the first.</summary>
    private byte[]? Gif()
    {
        var folder = Path.Combine(_run.Directory ?? "", "frames");
        if (_run.Directory is null || !Directory.Exists(folder)) return null;
        var frames = Directory.GetFiles(folder, "iteration_*.png").Order(StringComparer.Ordinal).ToArray();
        if (frames.Length == 0) return null;
        var temp = Path.Combine(_run.Directory, ".lab.gif.tmp");
        try
        {
            GifWriter.Write(frames, temp);
            return File.ReadAllBytes(temp);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private void PostFrame()
    {
        _sequence++;
        var start = Stopwatch.GetTimestamp();
        _mailbox.Post(_builder.Frame(_run, WriteState, fresh: !Playing));
        _lastBuild = Stopwatch.GetElapsedTime(start);
        FrameTime();
        _frameTime -= _lastBuild;
        _sinceFrame.Restart();
        _dirty = false;
    }

    private void WriteState(Utf8JsonWriter w)
    {
        w.WriteNumber("seq", _sequence);
        w.WriteNumber("iteration", _run.Iteration);
        w.WriteNumber("total", _run.TotalIterations);
        w.WriteString("state", _state);
        w.WriteBoolean("playing", Playing);
        w.WriteNumber("speed", Speed);
        // What the previous frame cost the training thread, for the page's status line and bench/lab.sh.
        w.WriteNumber("build_ms", Math.Round(_lastBuild.TotalMilliseconds, 2));
        if (_message is not null) w.WriteString("message", _message);
        w.WriteStartObject("settings");
        var settings = _run.Options.ToSettings();
        foreach (var key in GanRun.LiveKeys.Append("data"))
        {
            w.WritePropertyName(key);
            if (settings[key] is { } value) value.WriteTo(w);
            else w.WriteNullValue();
        }
        w.WriteEndObject();
        w.WriteStartObject("losses");
        if (_last is { } last)
        {
            Number(w, "d", last.DiscriminatorLoss);
            Number(w, "g", last.GeneratorLoss);
        }
        if (_lastDStep is { } d) Number(w, "d_step", d);
        if (_lastGStep is { } g) Number(w, "g_step", g);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, Math.Round(value, 5));
        else w.WriteNull(name);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <inheritdoc />
    public void Dispose() => _builder.Dispose();
}
