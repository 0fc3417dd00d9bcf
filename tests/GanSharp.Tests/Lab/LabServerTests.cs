using System.Net;
using System.Net.Sockets;
using System.Text;
using GanSharp.Lab;

namespace GanSharp.Tests.Lab;

public sealed class LabServerTests
{
    [Fact]
    public async Task The_server_serves_its_page_and_frames_queues_commands_and_nothing_else()
    {
        var mailbox = new FrameMailbox();
        using var inbox = new CommandInbox();
        await using var server = await LabServer.StartAsync(new LabServerOptions(Port: 0), mailbox, inbox);
        using var http = new HttpClient { BaseAddress = server.Address };

        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.Contains("<canvas id=\"view\"", await http.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/frame")).StatusCode);
        mailbox.Post("{\"seq\":7}"u8.ToArray());
        Assert.Equal("{\"seq\":7}", await http.GetStringAsync("/frame"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/etc/passwd")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/../config.json")).StatusCode);

        var sent = await http.PostAsync("/command", new StringContent("{\"command\":\"pause\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var queued = inbox.Take(TimeSpan.FromSeconds(5));
        Assert.Equal("{\"command\":\"pause\"}", Encoding.UTF8.GetString(queued!.Body));
    }

    [Fact]
    public async Task Bound_to_loopback_the_server_refuses_other_host_names_and_other_addresses()
    {
        var mailbox = new FrameMailbox();
        using var inbox = new CommandInbox();
        await using var server = await LabServer.StartAsync(new LabServerOptions(Port: 0), mailbox, inbox);
        using var http = new HttpClient();

        // A page elsewhere reaching the lab through a name that resolves to this machine (DNS rebinding) is refused.
        using var rebound = new HttpRequestMessage(HttpMethod.Get, server.Address);
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(rebound)).StatusCode);
        using var local = new HttpRequestMessage(HttpMethod.Get, server.Address);
        local.Headers.Host = "localhost:" + server.Address.Port;
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(local)).StatusCode);

        // Only 127.0.0.1 listens: another address of this machine (here 127.0.0.2, still loopback) has nothing on the port.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Parse("127.0.0.2"), server.Address.Port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Theory]
    [InlineData("lab.example.org", 8080, "not an IP address")]
    [InlineData("127.0.0.1", 70000, "between 0")]
    public void Bad_server_options_are_refused_with_a_reason(string host, int port, string reason)
    {
        var problems = new LabServerOptions(host, port).Validate();
        Assert.Contains(problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_loopback_addresses_count_as_this_machine_only()
    {
        Assert.True(new LabServerOptions().IsLoopback);
        Assert.True(new LabServerOptions("localhost").IsLoopback);
        Assert.True(new LabServerOptions("::1").IsLoopback);
        Assert.False(new LabServerOptions("0.0.0.0").IsLoopback);
    }
}
