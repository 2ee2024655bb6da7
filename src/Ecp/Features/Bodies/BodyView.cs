namespace Ecp.Features.Bodies;

public sealed record BodyView(Guid Id, string Name, string Acronym, string MandateReference, string MembershipRule,
    IReadOnlyList<string> Members, string ObserverRule, int SeatsPerNonGovernmentGroup, string DecisionRule);
