using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanSharp.Runs;

/// <summary>Writes and reads an enum setting as its <see cref="SettingNames"/> spelling.</summary>
public sealed class SettingNameConverter<T> : JsonConverter<T> where T : struct, Enum
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected a string ({string.Join(", ", SettingNames.Of<T>())}).");
        try
        {
            return SettingNames.Parse<T>(reader.GetString()!, typeof(T).Name);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(SettingNames.Name(value));
}
