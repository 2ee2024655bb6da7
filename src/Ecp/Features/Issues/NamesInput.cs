using Ecp.Common;

namespace Ecp.Features.Issues;

/// <summary>An issue's names as a request gives them, one per UN language; a language left out
/// keeps its name, an empty one removes a translation (English cannot be removed).</summary>
public sealed record NamesInput
{
    [Name] public string? En { get; init; }
    [Name] public string? Fr { get; init; }
    [Name] public string? Es { get; init; }
    [Name] public string? Ru { get; init; }
    [Name] public string? Zh { get; init; }
    [Name] public string? Ar { get; init; }

    public IReadOnlyDictionary<string, string?> ToDictionary() => new[]
        {
            ("en", En), ("fr", Fr), ("es", Es), ("ru", Ru), ("zh", Zh), ("ar", Ar),
        }
        .Where(n => n.Item2 is not null)
        .ToDictionary(n => n.Item1, n => n.Item2);
}
