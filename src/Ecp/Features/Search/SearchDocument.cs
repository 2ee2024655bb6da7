namespace Ecp.Features.Search;

/// <summary>What the index keeps of one public thing: only what may be shown to anyone.</summary>
public sealed record SearchDocument(string Id, string Kind, string Language, string Title, string Text, DateTimeOffset At,
    string? Body = null, string? Consultation = null, string? Group = null, string? Url = null);

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
}
