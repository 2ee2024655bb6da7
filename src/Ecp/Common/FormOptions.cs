using Ecp.Features.Registry;
using Ecp.Resources;
using Microsoft.Extensions.Localization;

namespace Ecp.Common;

/// <summary>Choice lists shared by forms, labelled in the current language.</summary>
public static class FormOptions
{
    public static IReadOnlyList<(string Value, string Text)> Groups(IStringLocalizer<SharedResource> l, bool includeGovernment)
        => [("", l["Common.Choose"]), .. StakeholderGroups.All
            .Where(g => includeGovernment || g != StakeholderGroup.Government)
            .Select(g => (g.ToCode(), l[g.ResourceKey()].Value))];

    public static IReadOnlyList<(string Value, string Text)> States(MemberStateCatalog states, IStringLocalizer<SharedResource> l)
        => [("", l["Common.Choose"]), .. states.Sorted().Select(s => (s.Code, s.Name))];
}
