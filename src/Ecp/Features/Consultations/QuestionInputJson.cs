namespace Ecp.Features.Consultations;

/// <summary>Reads a question as a JSON string (free text) or object; writes the object.</summary>
internal sealed class QuestionInputJson : System.Text.Json.Serialization.JsonConverter<DraftConsultation.QuestionInput>
{
    public override DraftConsultation.QuestionInput? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        if (reader.TokenType == System.Text.Json.JsonTokenType.String) return new DraftConsultation.QuestionInput { Text = reader.GetString() };
        if (reader.TokenType != System.Text.Json.JsonTokenType.StartObject) throw new System.Text.Json.JsonException("A question is a string or an object.");
        var shape = System.Text.Json.JsonSerializer.Deserialize<Shape>(ref reader, options)!;
        return new DraftConsultation.QuestionInput { Text = shape.Text, Type = shape.Type, Options = shape.Options };
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, DraftConsultation.QuestionInput value, System.Text.Json.JsonSerializerOptions options)
        => System.Text.Json.JsonSerializer.Serialize(writer, new Shape { Text = value.Text, Type = value.Type, Options = value.Options }, options);

    private sealed record Shape
    {
        public string? Text { get; init; }
        public string? Type { get; init; }
        public IReadOnlyList<string>? Options { get; init; }
    }
}

