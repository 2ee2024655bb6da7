using Ecp.Common;
using Ecp.Features.Registry;

namespace Ecp.Features.Issues;

/// <summary>
/// One participant's answer to ¶69 for one issue, with the reason. A Member State has one voice:
/// its assessment is the last any of its delegates recorded. Anyone else speaks for themselves,
/// in their stakeholder group. A later assessment by the same voice supersedes the earlier one,
/// which stays (and stays on the record).
/// </summary>
public sealed class ScopeAssessment
{
    private ScopeAssessment()
    {
    }

    public Guid Id { get; private set; }

    public string IssueCode { get; private set; } = "";

    /// <summary>Whose voice this is: "state:FRA" for a Member State, "person:{id}" for anyone else.
    /// At most one standing assessment per voice and issue.</summary>
    public string Voice { get; private set; } = "";

    public StakeholderGroup Group { get; private set; }

    public string? MemberStateCode { get; private set; }

    public Guid PersonId { get; private set; }

    public string PersonName { get; private set; } = "";

    public ScopeClass Scope { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset AssessedAt { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public static string VoiceOf(Actor actor)
        => actor.ParticipantGroup == StakeholderGroup.Government ? $"state:{actor.MemberStateCode}" : $"person:{actor.PersonId}";

    /// <summary>A participant's assessment; refused for anyone who does not speak for a stakeholder group.</summary>
    public static Result<ScopeAssessment> Record(Issue issue, Actor actor, string? scope, string? reason, DateTimeOffset now)
    {
        if (actor.ParticipantGroup is not { } group || actor.PersonId is not { } person) return new OnlyParticipantsAssess();
        if (issue.AcceptsViews() is { } closed) return closed;
        var v = new Validation();
        var parsed = Codes.Parse<ScopeClass>(scope);
        if (parsed is null) v.Add("Scope", "Issue.ScopeInvalid");
        v.RequiredText("Reason", reason, Issue.ReasonMaxLength);
        if (!v.IsValid) return v.ToError();
        return new ScopeAssessment
        {
            Id = Guid.CreateVersion7(now),
            IssueCode = issue.Code,
            Voice = VoiceOf(actor),
            Group = group,
            MemberStateCode = group == StakeholderGroup.Government ? actor.MemberStateCode : null,
            PersonId = person,
            PersonName = actor.DisplayName,
            Scope = parsed!.Value,
            Reason = reason!.Trim(),
            AssessedAt = now,
        };
    }

    public void Supersede(DateTimeOffset now) => SupersededAt ??= now;
}
