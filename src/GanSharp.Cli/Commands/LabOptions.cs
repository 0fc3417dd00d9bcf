using System.CommandLine;
using GanSharp.Lab;

namespace GanSharp.Cli.Commands;

/// <summary>The options of the lab's web server, shared by <c>gansharp lab</c> and <c>gansharp train --serve</c>.</summary>
internal sealed class LabOptions
{
    public readonly Option<bool> Serve = new("--serve") { Description = "Points: show the run live in a local web page while it trains (as gansharp lab); Ctrl-C stops it and writes the outputs." };
    public readonly Option<int> Port = new("--port") { Description = $"Port of the lab's page (0: any free port). Default: {LabServerOptions.DefaultPort}.", HelpName = "N", DefaultValueFactory = _ => LabServerOptions.DefaultPort };
    public readonly Option<string> Host = new("--host")
    {
        Description = $"Address the lab's server binds. Default: {LabServerOptions.LoopbackHost}, this machine only; another address makes the page (and control of the run) reachable from the network.",
        HelpName = "ADDRESS",
        DefaultValueFactory = _ => LabServerOptions.LoopbackHost,
    };

    /// <summary>The server's options from the command line.</summary>
    public LabServerOptions Server(ParseResult result) => new(result.GetValue(Host)!, result.GetValue(Port));
}
