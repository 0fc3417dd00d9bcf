using System.Globalization;
using System.Net;

namespace GanSharp.Lab;

/// <summary>Where the lab's web server listens.</summary>
/// <param name="Host">An IP address or <c>localhost</c>; the default is the loopback address, so that only this machine sees the page.</param>
/// <param name="Port">TCP port; 0 lets the system choose a free one.</param>
public sealed record LabServerOptions(string Host = LabServerOptions.LoopbackHost, int Port = LabServerOptions.DefaultPort)
{
    /// <summary>The address the server binds unless another is given explicitly.</summary>
    public const string LoopbackHost = "127.0.0.1";

    /// <summary>The port of <c>gansharp lab</c> unless another is given.</summary>
    public const int DefaultPort = 8080;

    /// <summary>The address to bind.</summary>
    /// <exception cref="ArgumentException">Neither an IP address nor <c>localhost</c>.</exception>
    public IPAddress Address =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(Host, out var address) ? address
        : throw new ArgumentException($"--host '{Host}' is not an IP address (or localhost); the lab binds an address of this machine, such as 127.0.0.1.");

    /// <summary>Whether only this machine can reach the server.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(Host, out _))
            problems.Add($"--host '{Host}' is not an IP address (or localhost); the lab binds an address of this machine, such as 127.0.0.1.");
        if (Port is < 0 or > 65535) problems.Add(string.Create(CultureInfo.InvariantCulture, $"--port must be between 0 (any free port) and 65535 (got {Port})."));
        return problems;
    }
}
