namespace Ecp.Features.Search;

/// <summary>What the index keeps of one public thing: only what may be shown to anyone.
/// <see cref="Versions"/>: the same thing in other languages (a report's language versions, an
/// issue's names), each found in its own language and linked to its own page.</summary>
public sealed record SearchDocument(string Id, string Kind, string Language, string Title, string Text, DateTimeOffset At,
    string? Body = null, string? Consultation = null, string? Group = null, string? Url = null, IReadOnlyList<SearchVersion>? Versions = null);

/// <summary>A <see cref="SearchDocument"/> in another language, or (with <see cref="Kind"/> and
/// <see cref="Part"/>) a part of it found on its own: a paragraph of an outcome document, a
/// consultation's synthesis. Deleted and re-indexed with its entity.</summary>
public sealed record SearchVersion(string Language, string Title, string Text, string? Url, string? Kind = null, string? Part = null)
{
    /// <summary>The hit's id: "report/{id}#fr" for a language version, "paragraph/{id}#p-3@fr" for a part
    /// of another kind (a hit's kind is its id's first segment).</summary>
    public string IdWithin(SearchDocument entity)
        => Kind is null && Part is null
            ? $"{entity.Id}#{Language}"
            : $"{Kind ?? entity.Kind}/{entity.Id[(entity.Id.IndexOf('/') + 1)..]}#{Part ?? Language}";
}

/// <summary>
/// A kind of thing the search finds. Adding a kind is one class implementing this, registered with
/// <c>services.AddSearchSource&lt;T&gt;()</c>: it names the record actions that change its entities and
/// reads their current, public state (null: not public, removed from the index).
/// </summary>
public interface ISearchSource
{
    /// <summary>The record entity this source indexes ("contribution").</summary>
    string Entity { get; }

    /// <summary>The current public documents of these entities; an id with no document is deleted.</summary>
    Task<IReadOnlyDictionary<string, SearchDocument>> LoadAsync(Data.AppDbContext db, IReadOnlyCollection<string> entityIds, CancellationToken ct);

    /// <summary>The ids of entities that exist without any record entry (reference data seeded with the
    /// database, such as the issue taxonomy): indexed whenever the index starts from nothing.</summary>
    Task<IReadOnlyList<string>> ReferenceIdsAsync(Data.AppDbContext db, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);
}

/// <summary>The record's entity ids of a batch that are GUIDs (what most sources key their rows by).</summary>
public static class SearchSourceIds
{
    public static List<Guid> Guids(IEnumerable<string> entityIds)
        => entityIds.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
}
