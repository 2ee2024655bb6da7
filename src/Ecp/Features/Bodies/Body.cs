using Ecp.Common;

namespace Ecp.Features.Bodies;

/// <summary>Who may sit as a member: every Member State, or a listed set (e.g. WGEC-1's 22 States).</summary>
public enum MembershipRule
{
    AllMemberStates,
    ListedMemberStates,
}

/// <summary>
/// A body of the process (WGEC, CWG-Internet, WTPF-13): its mandate, who sits in it, who may
/// observe, and how it decides — always by consensus (Tunis Agenda ¶68, domain rule 3).
/// </summary>
public sealed class Body
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 1000;

    private readonly List<BodyMember> members = [];

    private Body()
    {
        Name = null!;
        Acronym = null!;
        MandateReference = null!;
        ObserverRule = null!;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Acronym { get; private set; }

    /// <summary>Document symbol and paragraph that give the mandate, e.g. "A/RES/67/195 ¶20".</summary>
    public string MandateReference { get; private set; }

    public MembershipRule MembershipRule { get; private set; }

    /// <summary>Plain-language observer rule, e.g. "open consultation to all stakeholders".</summary>
    public string ObserverRule { get; private set; }

    /// <summary>Non-government seats per stakeholder group (WGEC-1: five each); 0 when none.</summary>
    public int SeatsPerNonGovernmentGroup { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<BodyMember> Members => members;

    /// <summary>Bodies decide by consensus; kept explicit so the rule is visible on every page.</summary>
    public string DecisionRule => "consensus";

    public static Body Establish(string name, string acronym, string mandateReference, MembershipRule rule,
        IEnumerable<string> memberStateCodes, string observerRule, int seatsPerGroup, DateTimeOffset now)
    {
        var body = new Body
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Acronym = acronym.Trim(),
            MandateReference = mandateReference.Trim(),
            MembershipRule = rule,
            ObserverRule = observerRule.Trim(),
            SeatsPerNonGovernmentGroup = seatsPerGroup,
            CreatedAt = now,
        };
        if (rule == MembershipRule.ListedMemberStates)
        {
            body.members.AddRange(memberStateCodes.Select(c => c.ToUpperInvariant()).Distinct().Order()
                .Select(c => new BodyMember(body.Id, c)));
        }
        return body;
    }

    public bool HasMember(string? memberStateCode)
        => memberStateCode is not null
           && (MembershipRule == MembershipRule.AllMemberStates || members.Any(m => m.MemberStateCode == memberStateCode));
}

public sealed record BodyMember(Guid BodyId, string MemberStateCode);
