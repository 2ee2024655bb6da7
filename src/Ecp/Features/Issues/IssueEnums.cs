using Ecp.Common;

namespace Ecp.Features.Issues;

/// <summary>Where an issue stands in the taxonomy. A merged or retired issue keeps its page and id.</summary>
public enum IssueState
{
    Active,
    Merged,
    Retired,
}

/// <summary>The three answers to ¶69's question: is this an international public policy issue?</summary>
public enum ScopeClass
{
    InternationalPublicPolicy,
    NationalPublicPolicy,
    TechnicalOperational,
}

/// <summary>The gap types of the CSTD mapping (E/CN.16/2015/CRP.2).</summary>
[Flags]
public enum GapTypes
{
    None = 0,
    Implementation = 1,
    Awareness = 2,
    Capacity = 4,
    Research = 8,
}

public static class Gaps
{
    public static IReadOnlyList<GapTypes> All { get; } = [GapTypes.Implementation, GapTypes.Awareness, GapTypes.Capacity, GapTypes.Research];

    public static IReadOnlyList<string> ToCodes(this GapTypes gaps) => All.Where(g => gaps.HasFlag(g)).Select(g => g.ToCode()).ToList();

    /// <summary>The gap types named by <paramref name="codes"/>, or null when one is not a gap type.</summary>
    public static GapTypes? Parse(IEnumerable<string>? codes)
    {
        var gaps = GapTypes.None;
        foreach (var code in codes ?? [])
        {
            if (Codes.Parse<GapTypes>(code) is not { } gap || gap == GapTypes.None) return null;
            gaps |= gap;
        }
        return gaps;
    }
}

/// <summary>What addresses an issue: an organization of the registry, a document on the
/// platform, or an instrument elsewhere (a title and a URL).</summary>
public enum MappingKind
{
    Organization,
    Document,
    External,
}

/// <summary>What a mapping proposal asks: a new mapping, a changed note or gaps, or a removal.</summary>
public enum ProposalChange
{
    Add,
    Update,
    Remove,
}

public enum ProposalState
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>What the secretariat tags with an issue.</summary>
public enum TagSubject
{
    Consultation,
    Document,
}
