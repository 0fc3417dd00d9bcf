using System.Text;

namespace GanSharp.Cli.Commands;

/// <summary>An exception's message as the user sees it: without a native stack trace, control characters or binary bytes, and short.</summary>
internal static class ErrorText
{
    /// <summary>Longest message shown; a longer one is cut with an ellipsis.</summary>
    public const int MaxLength = 600;

    /// <summary>libtorch appends its C++ stack after this line.</summary>
    private const string NativeStackStart = "Exception raised from";

    public static string Clean(string message)
    {
        int stack = message.IndexOf(NativeStackStart, StringComparison.Ordinal);
        if (stack >= 0) message = message[..stack];
        var text = new StringBuilder(Math.Min(message.Length, MaxLength + 1));
        foreach (char c in message.Trim())
        {
            // Bytes of a corrupt file decoded as text: control characters, replacement characters and lone surrogates.
            char shown = c == '\n' ? ' ' : char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD' ? '?' : c;
            if (shown == '?' && text.Length > 0 && text[^1] == '?') continue;
            text.Append(shown);
            if (text.Length > MaxLength) break;
        }
        return text.Length > MaxLength ? text.ToString(0, MaxLength) + "…" : text.ToString();
    }

    /// <summary>The first line of <paramref name="message"/>, cleaned (native errors: the line that says what failed).</summary>
    public static string FirstLine(string message)
    {
        var clean = message.Split('\n', 2)[0];
        return Clean(clean);
    }
}
