using System.Linq.Expressions;
using Ecp.Common;
using Ecp.Features.Bodies;
using Ecp.Features.Drafts;
using Ecp.Features.Registry;

namespace Ecp.Features.Decisions;
public enum DecisionOutcome
{
    AdoptedByConsensus,
    NotAdoptedDivergentViews,
    Withdrawn,
}

/// <summary>
/// A body's decision on one version of a document. Governments decide, on an equal footing:
/// each Member State member of the body holds at most one formal position, whoever of its
/// delegates states it. Other stakeholders' advisory views are recorded beside the positions and
/// never counted. The outcome follows the consensus rule and is never a vote count.
/// </summary>
public sealed class Decision
{
    public const int StatementMaxLength = 4000;

    private readonly List<FormalPosition> positions = [];
    private readonly List<AdvisoryView> advisoryViews = [];

    private Decision()
    {
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public int VersionNumber { get; private set; }

    public Guid BodyId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DecisionOutcome? Outcome { get; private set; }

    public bool IsOpen => Outcome is null;

    /// <summary>Every position ever stated, superseded ones included (history kept).</summary>
    public IReadOnlyList<FormalPosition> AllPositions => positions;

    /// <summary>The one standing position of each Member State that stated one.</summary>
    public IEnumerable<FormalPosition> Positions => positions.Where(p => p.SupersededAt is null);

    public IReadOnlyList<AdvisoryView> AdvisoryViews => advisoryViews;

    public IEnumerable<FormalPosition> Objections => Positions.Where(p => p.Kind == PositionKind.Objection);

    public IEnumerable<FormalPosition> Reservations => Positions.Where(p => p.Kind == PositionKind.Reservation);

    /// <summary>The decisions still open on a document (a query: at most one, see <see cref="UnlessNoneOpen"/>).</summary>
    public static Expression<Func<Decision, bool>> OpenOn(Guid documentId) => d => d.DocumentId == documentId && d.Outcome == null;

    /// <summary>One decision at a time on a document: while one is open, the text it decides on
    /// stands still (no next version, no second decision). <paramref name="anyOpen"/>: whether
    /// <see cref="OpenOn"/> finds one.</summary>
    public static Error? UnlessNoneOpen(bool anyOpen) => anyOpen ? new DecisionOpen() : null;

    /// <summary>Puts the document's current version to the body; refused when the document is
    /// closed or another decision is open on it.</summary>
    public static Result<Decision> Open(OutcomeDocument document, Body body, bool anotherOpen, DateTimeOffset now)
    {
        if ((document.AcceptsChanges() ?? UnlessNoneOpen(anotherOpen)) is { } refused) return refused;
        return new Decision
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = document.Id,
            VersionNumber = document.Current.Number,
            BodyId = body.Id,
            OpenedAt = now,
        };
    }

    /// <summary>
    /// A delegate states their Member State's position. A later position of the same State, by
    /// any of its delegates, replaces the earlier one; both are kept.
    /// </summary>
    public Result<FormalPosition> RecordPosition(Body body, Actor delegatePerson, PositionKind kind, string? statement, DateTimeOffset now)
    {
        if (!IsOpen) return new DecisionClosed();
        if (delegatePerson.Role != Role.Delegate || delegatePerson.MemberStateCode is not { } state)
        {
            return new OnlyDelegates();
        }
        if (!body.HasMember(state)) return new NotAMember();
        if (kind is PositionKind.Reservation or PositionKind.Objection && string.IsNullOrWhiteSpace(statement))
        {
            return new ValidationError([new FieldError("Statement", kind == PositionKind.Objection ? "Decision.ObjectionNeedsReason" : "Decision.ReservationNeedsStatement")]);
        }
        if (statement is { Length: > StatementMaxLength })
        {
            return new ValidationError([new FieldError("Statement", "Validation.TooLong", StatementMaxLength)]);
        }
        foreach (var standing in positions.Where(p => p.MemberStateCode == state && p.SupersededAt is null))
        {
            standing.Supersede(now);
        }
        var position = new FormalPosition(Id, state, delegatePerson.PersonId!.Value, delegatePerson.DisplayName, kind,
            string.IsNullOrWhiteSpace(statement) ? null : statement.Trim(), now);
        positions.Add(position);
        return position;
    }

    /// <summary>A non-government stakeholder states an advisory view: recorded, shown apart, never counted.</summary>
    public Result<AdvisoryView> RecordAdvisoryView(Actor stakeholder, AdvisoryStance stance, string? text, DateTimeOffset now)
    {
        if (!IsOpen) return new DecisionClosed();
        if (stakeholder.Role is not (Role.Stakeholder or Role.Reporter) || stakeholder.Group is not { } group || group == StakeholderGroup.Government)
        {
            return new OnlyStakeholdersAdvise();
        }
        if (string.IsNullOrWhiteSpace(text)) return new ValidationError([new FieldError("Text", "Validation.Required")]);
        if (text.Length > StatementMaxLength) return new ValidationError([new FieldError("Text", "Validation.TooLong", StatementMaxLength)]);
        var view = new AdvisoryView(Id, stakeholder.PersonId!.Value, stakeholder.DisplayName, group, stance, text.Trim(), now);
        advisoryViews.Add(view);
        return view;
    }

    /// <summary>
    /// The Chair records the outcome. Adoption by consensus is possible only when no objection
    /// stands, and carries every reservation; "not adopted: divergent views" needs a standing
    /// objection; withdrawal is always possible. Advisory views play no part.
    /// </summary>
    public Result<DecisionOutcome> Close(DecisionOutcome outcome, DateTimeOffset now)
    {
        if (!IsOpen) return new DecisionClosed();
        if (outcome == DecisionOutcome.AdoptedByConsensus && Objections.Any())
        {
            return new ObjectionStands(Objections.Count());
        }
        if (outcome == DecisionOutcome.NotAdoptedDivergentViews && !Objections.Any())
        {
            return new NoObjectionStands();
        }
        Outcome = outcome;
        ClosedAt = now;
        return outcome;
    }
}
