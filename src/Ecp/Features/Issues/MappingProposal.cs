using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.Issues;

/// <summary>
/// A participant's proposal to change what the map says addresses an issue: add a mapping,
/// change a mapping's status note and gaps, or remove one, always with a reason. The
/// secretariat accepts or rejects it, with a reason; both are on the record.
/// </summary>
public sealed class MappingProposal
{
    private MappingProposal()
    {
    }

    public Guid Id { get; private set; }

    public string IssueCode { get; private set; } = "";

    public ProposalChange Change { get; private set; }

    /// <summary>The mapping an update or a removal is about.</summary>
    public Guid? MappingId { get; private set; }

    /// <summary>For an addition: what kind of thing addresses the issue.</summary>
    public MappingKind? Kind { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public Guid? DocumentId { get; private set; }

    public string? Title { get; private set; }

    public string? Url { get; private set; }

    public string? StatusNote { get; private set; }

    public GapTypes Gaps { get; private set; }

    public string Reason { get; private set; } = "";

    public Guid? ProposerId { get; private set; }

    public string ProposerName { get; private set; } = "";

    public StakeholderGroup? ProposerGroup { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public ProposalState State { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    public bool IsPending => State == ProposalState.Pending;

    /// <summary>What the proposal says, checked; the use case has already found the organization,
    /// document or mapping it names (<paramref name="target"/> is null when none was found).</summary>
    public sealed record Draft(ProposalChange Change, MappingKind? Kind, Guid? OrganizationId, Guid? DocumentId, Guid? MappingId,
        string? Title, string? Url, string? StatusNote, GapTypes Gaps, string? Reason);

    /// <summary>Any accredited participant, and the secretariat, may propose; a merged or retired
    /// issue takes no proposal.</summary>
    public static Result<MappingProposal> Propose(Issue issue, Actor actor, Draft draft, DateTimeOffset now)
    {
        if (actor.ParticipantGroup is null && !actor.IsSecretariat) return new OnlyParticipantsPropose();
        if (issue.AcceptsViews() is { } closed) return closed;
        var v = new Validation().RequiredText("Reason", draft.Reason, Issue.ReasonMaxLength)
            .MaxLength("StatusNote", draft.StatusNote, IssueMapping.NoteMaxLength);
        switch (draft.Change)
        {
            case ProposalChange.Add:
                switch (draft.Kind)
                {
                    case MappingKind.Organization when draft.OrganizationId is null:
                        v.Add("OrganizationId", "Issue.OrganizationRequired");
                        break;
                    case MappingKind.Document when draft.DocumentId is null:
                        v.Add("DocumentId", "Issue.DocumentRequired");
                        break;
                    case MappingKind.External:
                        v.RequiredText("Title", draft.Title, IssueMapping.TitleMaxLength);
                        if (!IssueMapping.IsWebAddress(draft.Url)) v.Add("Url", "Issue.UrlInvalid");
                        break;
                    case null:
                        v.Add("Kind", "Issue.MappingKindInvalid");
                        break;
                }
                break;
            default:
                if (draft.MappingId is null) v.Add("MappingId", "Issue.MappingRequired");
                break;
        }
        if (!v.IsValid) return v.ToError();
        var adds = draft.Change == ProposalChange.Add;
        return new MappingProposal
        {
            Id = Guid.CreateVersion7(now),
            IssueCode = issue.Code,
            Change = draft.Change,
            MappingId = adds ? null : draft.MappingId,
            Kind = adds ? draft.Kind : null,
            OrganizationId = adds && draft.Kind == MappingKind.Organization ? draft.OrganizationId : null,
            DocumentId = adds && draft.Kind == MappingKind.Document ? draft.DocumentId : null,
            Title = adds && draft.Kind == MappingKind.External ? draft.Title!.Trim() : null,
            Url = adds && draft.Kind == MappingKind.External ? draft.Url!.Trim() : null,
            StatusNote = draft.Change == ProposalChange.Remove || string.IsNullOrWhiteSpace(draft.StatusNote) ? null : draft.StatusNote.Trim(),
            Gaps = draft.Change == ProposalChange.Remove ? GapTypes.None : draft.Gaps,
            Reason = draft.Reason!.Trim(),
            ProposerId = actor.PersonId,
            ProposerName = actor.DisplayName,
            ProposerGroup = actor.ParticipantGroup,
            ProposedAt = now,
        };
    }

    /// <summary>The secretariat's decision. Accepting applies the change: a new mapping (returned),
    /// or the named one changed or removed. A mapping removed since the proposal refuses it.</summary>
    public Result<IssueMapping?> Decide(bool accept, string? reason, IssueMapping? mapping, DateTimeOffset now)
    {
        if (!IsPending) return new ProposalDecided();
        if (Issue.CheckReason(reason) is { } invalid) return invalid;
        if (accept && Change != ProposalChange.Add && mapping is not { IsActive: true }) return new MappingGone();
        State = accept ? ProposalState.Accepted : ProposalState.Rejected;
        DecidedAt = now;
        DecisionReason = reason!.Trim();
        if (!accept) return (IssueMapping?)null;
        switch (Change)
        {
            case ProposalChange.Add:
                return IssueMapping.From(this, now);
            case ProposalChange.Update:
                mapping!.Update(this);
                return mapping;
            default:
                mapping!.Remove(now);
                return mapping;
        }
    }
}
