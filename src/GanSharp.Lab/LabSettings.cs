using GanSharp.Runs;

namespace GanSharp.Lab;

/// <summary>The names the page offers for the settings it can change, as <see cref="SettingNames"/> spells them.</summary>
internal static class LabSettings
{
    /// <summary>Every generator objective.</summary>
    public static readonly IReadOnlyList<string> ObjectiveNames = NamesOf(o => o.Objective);

    /// <summary>Every noise prior.</summary>
    public static readonly IReadOnlyList<string> PriorNames = NamesOf(o => o.Prior);

    /// <summary>The names of the enum setting <paramref name="setting"/> selects (its type taken from <see cref="RunOptions"/>, whatever it is called).</summary>
    private static IReadOnlyList<string> NamesOf<T>(Func<RunOptions, T> setting) where T : struct, Enum => SettingNames.Of<T>();
}
