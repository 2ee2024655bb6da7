using Ecp.Common;

namespace Ecp.Features.Issues;

/// <summary>
/// Who or what addresses an issue: an organization of the registry, a document on the platform,
/// or an external instrument (a title and a URL), with a note on its status and the gaps found.
/// Made, changed and removed only by an accepted proposal; a removed mapping is kept.
/// </summary>
public sealed class IssueMapping
{
    public const int NoteMaxLength = 2000;
    public const int TitleMaxLength = 300;
    public const int UrlMaxLength = 2000;

    private IssueMapping()
    {
    }

    public Guid Id { get; private set; }

    public string IssueCode { get; private set; } = "";

    public MappingKind Kind { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public Guid? DocumentId { get; private set; }

    /// <summary>For an external instrument.</summary>
    public string? Title { get; private set; }

    public string? Url { get; private set; }

    public string? StatusNote { get; private set; }

    public GapTypes Gaps { get; private set; }

    public Guid ProposalId { get; private set; }

    public DateTimeOffset MappedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsActive => RemovedAt is null;

    internal static IssueMapping From(MappingProposal proposal, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        IssueCode = proposal.IssueCode,
        Kind = proposal.Kind!.Value,
        OrganizationId = proposal.OrganizationId,
        DocumentId = proposal.DocumentId,
        Title = proposal.Title,
        Url = proposal.Url,
        StatusNote = proposal.StatusNote,
        Gaps = proposal.Gaps,
        ProposalId = proposal.Id,
        MappedAt = now,
    };

    internal void Update(MappingProposal proposal)
    {
        StatusNote = proposal.StatusNote;
        Gaps = proposal.Gaps;
        ProposalId = proposal.Id;
    }

    internal void Remove(DateTimeOffset now) => RemovedAt ??= now;

    /// <summary>Whether <paramref name="url"/> is an absolute http or https address within the length limit.</summary>
    public static bool IsWebAddress(string? url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && url!.Length <= UrlMaxLength;
}
