using System.Net;
using System.Net.Sockets;
using System.Text;
using GanSharp.Runs;

namespace GanSharp.Tests.Lab;

public sealed class LabProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<SocketError> Connect(string address, int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Parse(address), port);
            return SocketError.Success;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }

    [Fact]
    public async Task The_lab_binds_loopback_only_takes_commands_and_writes_its_outputs_on_ctrl_c()
    {
        var folder = _dir.File("lab");
        int asked = FreePort();
        // ASP.NET Core's usual way to widen a server's addresses must not reach the lab.
        var environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{asked}", ["DOTNET_URLS"] = $"http://0.0.0.0:{asked}" };
        using var lab = await LabProcess.StartAsync(environment, "--data", "ring", "--g-width", "16", "--d-width", "16", "--iterations", "40", "--out", folder);
        Assert.Equal("127.0.0.1", lab.Address.Host);
        Assert.Equal(SocketError.ConnectionRefused, await Connect("127.0.0.2", lab.Address.Port));
        Assert.Equal(SocketError.ConnectionRefused, await Connect("127.0.0.1", asked));

        using var http = new HttpClient { BaseAddress = lab.Address };
        async Task Send(string json) =>
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("command", new StringContent(json, Encoding.UTF8, "application/json"))).StatusCode);
        await Send("""{"command":"settings","settings":{"objective":"minimax","lr_g":0.002}}""");
        await Send("""{"command":"step"}""");
        await Send("""{"command":"step-d"}""");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string frame = "";
        while (DateTime.UtcNow < deadline && !(frame.Contains("\"iteration\":1,", StringComparison.Ordinal) && frame.Contains("\"d_step\"", StringComparison.Ordinal)))
        {
            await Task.Delay(100);
            // 404 until the training thread has posted the first frame.
            using var response = await http.GetAsync("frame");
            if (response.IsSuccessStatusCode) frame = await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("\"objective\":\"minimax\"", frame);

        Assert.Equal(0, await lab.InterruptAsync(TimeSpan.FromSeconds(60)));
        var metrics = RunMetrics.Read(Path.Combine(folder, MetricsFile.FileName));
        Assert.True(metrics.Cancelled);
        Assert.Equal(1, metrics.Iterations);
        Assert.Equal(new[] { "objective", "lr_g", HistoryChange.DiscriminatorStep }, metrics.Changes!.Select(c => c.What));
        Assert.Equal("minimax", SettingNames.Name(RunFolder.ReadOptions(folder).Objective));
        Assert.True(File.Exists(Path.Combine(folder, "training.gif")), lab.Output);
        Assert.Contains("Stopped at iteration 1 of 40", lab.Output);
    }
}
