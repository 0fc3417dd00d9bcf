using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace GanSharp.Lab;

/// <summary>
/// The lab's web server: its page, the run's setup and frames as server-sent events, and a queue for the page's commands. It only hands out
/// bytes the training thread has finished and queues the bytes the page sends (<see cref="FrameMailbox"/>, <see cref="CommandInbox"/>): it
/// touches no tensor and allocates little, because a garbage collection started by another thread can free a TorchSharp Scalar that the
/// training thread is passing to libtorch (docs/known-issues.md).
/// </summary>
/// <remarks>
/// Configuration comes only from <see cref="LabServerOptions"/>: the server reads no environment variables or settings files, so
/// ASPNETCORE_URLS cannot widen where it listens. Bound to a loopback address, it also refuses requests that name another host (a web page
/// elsewhere reaching it through a name that resolves to this machine).
/// </remarks>
public sealed class LabServer : IAsyncDisposable
{
    /// <summary>Largest command the page may send, in bytes.</summary>
    public const int MaxCommandBytes = 4096;

    /// <summary>Bytes the server and the kernel may hold for a page that has not read them yet: a few frames (about 15 kB each on the ring).</summary>
    private const int SendBufferBytes = 32 * 1024;

    private static readonly byte[] EventStart = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] GifCommand = """{"command":"gif"}"""u8.ToArray();

    private readonly WebApplication _app;
    private readonly FrameMailbox _frames;
    private readonly CommandInbox _commands;
    private readonly bool _loopback;
    private readonly CancellationTokenSource _stopping = new();

    private LabServer(WebApplication app, FrameMailbox frames, CommandInbox commands, bool loopback)
    {
        _app = app;
        _frames = frames;
        _commands = commands;
        _loopback = loopback;
    }

    /// <summary>The page's address, e.g. http://127.0.0.1:8080/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts listening on <paramref name="options"/>' address and port.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="IOException">The address or port cannot be bound (in use, or not an address of this machine).</exception>
    public static async Task<LabServer> StartAsync(LabServerOptions options, FrameMailbox frames, CommandInbox commands)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
        var address = options.Address;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxCommandBytes;
            kestrel.Listen(address, options.Port);
        });
        // A page that reads slowly must stop the frames soon: with the kernel's default send buffer (megabytes on loopback) the server
        // could hand it frames, each built on the training thread, for seconds before a write waited. Connections take the listening
        // socket's buffer size, so a small one there makes the event stream wait after a few frames, and then no frame is wanted.
        builder.WebHost.UseSockets(sockets =>
        {
            sockets.MaxWriteBufferSize = SendBufferBytes;
            sockets.CreateBoundListenSocket = endpoint =>
            {
                var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                socket.SendBufferSize = SendBufferBytes;
                return socket;
            };
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var server = new LabServer(app, frames, commands, IPAddress.IsLoopback(address));
        server.Map();
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"The lab cannot listen on {options.Host}:{options.Port} ({e.Message}). Choose another --port, or an address of this machine with --host.", e);
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(bound);
        string host = address.Equals(IPAddress.Any) ? LabServerOptions.LoopbackHost : uri.Host;
        server.Address = new UriBuilder("http", host, uri.Port, "/").Uri;
        return server;
    }

    private void Map()
    {
        var page = typeof(LabServer).Assembly;
        var index = Resource(page, "index.html");
        var script = Resource(page, "lab.js");
        var style = Resource(page, "lab.css");
        _app.Use(async (context, next) =>
        {
            if (_loopback && !IsLocalName(context.Request.Host.Host))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            context.Response.Headers.CacheControl = "no-store";
            await next(context).ConfigureAwait(false);
        });
        _app.MapGet("/", context => Send(context, "text/html; charset=utf-8", index));
        _app.MapGet("/lab.js", context => Send(context, "text/javascript; charset=utf-8", script));
        _app.MapGet("/lab.css", context => Send(context, "text/css; charset=utf-8", style));
        _app.MapGet("/setup", context => Send(context, "application/json", _frames.Setup));
        _app.MapGet("/frame", context => Send(context, "application/json", _frames.Frame));
        _app.MapGet("/events", Events);
        // Iterations and frames so far, read without a page open (bench/lab.sh measures training speed with it).
        _app.MapGet("/status", context => Send(context, "application/json",
            System.Text.Encoding.ASCII.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{{\"iteration\":{_frames.Iteration},\"frames\":{_frames.Frames}}}"))));
        _app.MapPost("/command", Command);
        _app.MapGet("/training.gif", Gif);
    }

    /// <summary>Server-sent events: each new frame as one "data:" event; frames that come while the page is still reading are skipped.</summary>
    private async Task Events(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var body = context.Response.Body;
        _frames.RequestFrame();
        long version = 0;
        try
        {
            await context.Response.StartAsync(cancel.Token).ConfigureAwait(false);
            while (!cancel.IsCancellationRequested)
            {
                (var frame, version) = await _frames.NextAsync(version, cancel.Token).ConfigureAwait(false);
                await body.WriteAsync(EventStart, cancel.Token).ConfigureAwait(false);
                await body.WriteAsync(frame, cancel.Token).ConfigureAwait(false);
                await body.WriteAsync(EventEnd, cancel.Token).ConfigureAwait(false);
                await body.FlushAsync(cancel.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away, or the server is stopping.
        }
    }

    private async Task Command(HttpContext context)
    {
        var buffer = new byte[MaxCommandBytes];
        int length = 0, read;
        while (length < buffer.Length && (read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted).ConfigureAwait(false)) > 0)
            length += read;
        context.Response.StatusCode = _commands.TryAdd(new LabRequest(buffer[..length])) ? StatusCodes.Status202Accepted : StatusCodes.Status429TooManyRequests;
    }

    /// <summary>The run's frames so far as a GIF, written by the training thread.</summary>
    private async Task Gif(HttpContext context)
    {
        var reply = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_commands.TryAdd(new LabRequest(GifCommand, reply)))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        byte[]? gif;
        try
        {
            gif = await reply.Task.WaitAsync(TimeSpan.FromMinutes(1), cancel.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        context.Response.Headers.ContentDisposition = "attachment; filename=training.gif";
        await Send(context, "image/gif", gif).ConfigureAwait(false);
    }

    private static async Task Send(HttpContext context, string contentType, byte[]? content)
    {
        if (content is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = contentType;
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsLocalName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static byte[] Resource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream("page/" + name) ?? throw new InvalidOperationException($"The lab's page lacks {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Stops listening: open event streams end, and requests in flight get a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
