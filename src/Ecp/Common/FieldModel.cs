namespace Ecp.Common;

/// <summary>One labelled form field (Features/Shared/_Field.cshtml): label and hint above the
/// input, the error message between them, all tied together for screen readers.</summary>
public sealed record FieldModel(string Name, string Label, string? Value = null, string Type = "text",
    string? Hint = null, string? Autocomplete = null, IReadOnlyList<(string Value, string Text)>? Options = null);
