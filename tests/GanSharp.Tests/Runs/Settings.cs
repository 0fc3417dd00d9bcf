using System.Text.Json.Nodes;
using GanSharp.Runs;

namespace GanSharp.Tests.Runs;

/// <summary>Run settings for tests: the defaults of the data's kind with a few settings given, as on the command line.</summary>
internal static class Settings
{
    public static RunOptions Of(string data, params (string Key, JsonNode? Value)[] given)
    {
        var settings = new JsonObject { ["data"] = data };
        foreach (var (key, value) in given) settings[key] = value;
        return RunOptions.Resolve(settings);
    }
}
