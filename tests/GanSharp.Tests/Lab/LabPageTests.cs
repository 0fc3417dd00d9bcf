using System.Text.Json;
using PuppeteerSharp;

namespace GanSharp.Tests.Lab;

/// <summary>One real <c>gansharp lab</c> process on the ring and one headless chromium, shared by the page's tests (they take turns).</summary>
public sealed class LabPageFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private LabProcess? _lab;

    public IBrowser Browser { get; private set; } = null!;

    public IPage Page { get; private set; } = null!;

    /// <summary>Console errors and uncaught exceptions of the page.</summary>
    public List<string> Errors { get; } = new();

    public string RunFolder => _dir.File("lab");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Executable)) return;
        // Small networks so that the machine's two cores train and draw quickly; the page shows any point run alike.
        _lab = await LabProcess.StartAsync(null, "--data", "ring", "--g-width", "32", "--d-width", "32", "--frames-every", "50", "--out", RunFolder);
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumFactAttribute.Executable,
            // Root in a container: chromium's sandbox needs user namespaces it may not have.
            Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage" },
        });
        Page = await Browser.NewPageAsync();
        await Page.SetViewportAsync(new ViewPortOptions { Width = 1180, Height = 800 });
        Page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error) Errors.Add(e.Message.Text);
        };
        Page.PageError += (_, e) => Errors.Add(e.Message);
        await Page.GoToAsync(_lab.Address.ToString());
        await Page.WaitForFunctionAsync("() => window.lab && lab.setup && lab.last && lab.last.run === lab.setup.run", new WaitForFunctionOptions { Timeout = 60_000 });
    }

    /// <summary>The latest frame the page has drawn.</summary>
    public async Task<JsonElement> LastFrame() => JsonDocument.Parse(await Page.EvaluateExpressionAsync<string>("JSON.stringify(lab.last, (key, value) => ArrayBuffer.isView(value) ? Array.from(value) : value)")).RootElement;

    /// <summary>Clicks <paramref name="selector"/> and waits for a frame newer than the current one that satisfies <paramref name="condition"/> (JS over f).</summary>
    public async Task<JsonElement> ClickAndWait(string selector, string condition = "true")
    {
        long seq = (await LastFrame()).GetProperty("seq").GetInt64();
        await Page.ClickAsync(selector);
        try
        {
            await Page.WaitForFunctionAsync($"() => {{ const f = lab.last; return f.seq > {seq} && ({condition}); }}", new WaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (WaitTaskTimeoutException e)
        {
            // Say what the page last saw, so that a timeout tells which state never arrived.
            var last = await LastFrame();
            throw new TimeoutException($"After {selector}, no frame newer than {seq} with {condition}: the last is {last.GetProperty("seq")}, " +
                $"playing {last.GetProperty("playing")}, state {last.GetProperty("state")}; page errors: [{string.Join(" | ", Errors)}]", e);
        }
        return await LastFrame();
    }

    /// <summary>Pauses training and waits for the frame that shows it paused.</summary>
    public async Task<JsonElement> Pause()
    {
        if ((await LastFrame()).GetProperty("playing").GetBoolean()) return await ClickAndWait("#play", "!f.playing && f.state === 'paused'");
        return await LastFrame();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
    }

    public void Dispose()
    {
        _lab?.Dispose();
        _dir.Dispose();
    }
}

public sealed class LabPageTests : IClassFixture<LabPageFixture>
{
    private readonly LabPageFixture _lab;

    public LabPageTests(LabPageFixture lab) => _lab = lab;

    private static float[] Floats(JsonElement frame, string name) => frame.GetProperty(name).EnumerateArray().Select(e => e.GetSingle()).ToArray();

    private static double MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();

    /// <summary>Pixels of the plane's canvas within a small distance of <paramref name="rgb"/>, and a hash of the whole picture.</summary>
    private async Task<(int Count, int Hash)> Pixels(int[] rgb)
    {
        var result = await _lab.Page.EvaluateFunctionAsync<int[]>(@"(rgb) => {
            const c = document.getElementById('view'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let count = 0, hash = 0;
            for (let i = 0; i < d.length; i += 4) {
              if (Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < 30) count++;
              hash = (hash * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) | 0;
            }
            return [count, hash];
          }", rgb);
        return (result[0], result[1]);
    }

    [ChromiumFact]
    public async Task Points_and_the_heat_map_are_drawn_and_change_while_it_trains()
    {
        // A few iterations spread G's points out of the small cluster that untrained weights map the prior to.
        var start = await _lab.Pause();
        await _lab.ClickAndWait("#play", $"f.playing && f.iteration >= {start.GetProperty("iteration").GetInt32() + 20}");
        var paused = await _lab.Pause();
        var (fakeBefore, pictureBefore) = await Pixels(new[] { 31, 95, 214 });     // generated points, #1F5FD6
        var (realPixels, _) = await Pixels(new[] { 44, 160, 44 });                  // real points, #2CA02C
        Assert.True(fakeBefore > 100, $"{fakeBefore} pixels of generated points");
        Assert.True(realPixels > 200, $"{realPixels} pixels of real points");
        // The heat-map: D's colours between its two ends, in many shades.
        int shades = await _lab.Page.EvaluateExpressionAsync<int>(@"(() => {
            const c = document.getElementById('view'), d = c.getContext('2d').getImageData(60, 20, 520, 520).data, seen = new Set();
            for (let i = 0; i < d.length; i += 4) if (d[i] > 170 && d[i + 2] > 90) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]);
            return seen.size; })()");
        Assert.True(shades > 50, $"{shades} shades of the heat-map");

        await _lab.ClickAndWait("#play", $"f.playing && f.iteration >= {paused.GetProperty("iteration").GetInt32() + 20}");
        var playing = await _lab.Pause();
        var (_, pictureAfter) = await Pixels(new[] { 31, 95, 214 });
        Assert.NotEqual(pictureBefore, pictureAfter);
        Assert.True(MaxDifference(Floats(paused, "d"), Floats(playing, "d")) > 1e-3);
        Assert.True(MaxDifference(Floats(paused, "fake"), Floats(playing, "fake")) > 1e-3);
        Assert.Empty(_lab.Errors);

        if (Environment.GetEnvironmentVariable("GANSHARP_LAB_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await _lab.ClickAndWait("#play", $"f.iteration >= {playing.GetProperty("iteration").GetInt32() + 600}");
            await _lab.Pause();
            await _lab.Page.EvaluateExpressionAsync("window.scrollTo(0, 0)");
            await _lab.Page.ScreenshotAsync(screenshot);
        }
    }

    [ChromiumFact]
    public async Task One_D_step_changes_Ds_grid_and_not_the_generated_points()
    {
        var before = await _lab.Pause();
        var after = await _lab.ClickAndWait("#step-d", "f.losses.d_step !== undefined");
        Assert.Equal(before.GetProperty("iteration").GetInt32(), after.GetProperty("iteration").GetInt32());
        Assert.True(MaxDifference(Floats(before, "d"), Floats(after, "d")) > 1e-4, "D's grid did not change");
        Assert.Equal(Floats(before, "fake"), Floats(after, "fake"));
        Assert.Empty(_lab.Errors);
    }

    [ChromiumFact]
    public async Task One_G_step_changes_the_generated_points_and_not_Ds_grid()
    {
        var before = await _lab.Pause();
        var after = await _lab.ClickAndWait("#step-g", "f.losses.g_step !== undefined");
        Assert.Equal(before.GetProperty("iteration").GetInt32(), after.GetProperty("iteration").GetInt32());
        Assert.True(MaxDifference(Floats(before, "fake"), Floats(after, "fake")) > 1e-4, "the generated points did not move");
        Assert.Equal(Floats(before, "d"), Floats(after, "d"));
        Assert.Empty(_lab.Errors);
    }

    [ChromiumFact]
    public async Task Changing_the_objective_takes_effect_and_is_recorded()
    {
        await _lab.Pause();
        long seq = (await _lab.LastFrame()).GetProperty("seq").GetInt64();
        await _lab.Page.SelectAsync("#objective", "minimax");
        await _lab.Page.WaitForFunctionAsync($"() => lab.last.seq > {seq} && lab.last.settings.objective === 'minimax'", new WaitForFunctionOptions { Timeout = 30_000 });
        Assert.Contains("objective", (await _lab.LastFrame()).GetProperty("message").GetString());
        // Minimax: G's step minimises mean log(1 − D(G(z))), a negative number; the non-saturating −mean log D(G(z)) is positive.
        var stepped = await _lab.ClickAndWait("#step-g", "f.losses.g_step !== undefined && f.losses.g_step < 0");
        Assert.True(stepped.GetProperty("losses").GetProperty("g_step").GetDouble() < 0);
        // G's arrows follow the objective too: the page's selection is the run's.
        Assert.Equal("minimax", await _lab.Page.EvaluateExpressionAsync<string>("document.getElementById('objective').value"));
        await _lab.Page.SelectAsync("#objective", "non-saturating");
        await _lab.Page.WaitForFunctionAsync("() => lab.last.settings.objective === 'non-saturating'", new WaitForFunctionOptions { Timeout = 30_000 });
        Assert.Empty(_lab.Errors);
    }
}
