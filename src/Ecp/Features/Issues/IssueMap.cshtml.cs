using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Issues;

/// <summary>The public issue map: clusters, what addresses each issue, the gaps, the uncovered ones.</summary>
public sealed class IssueMapModel(IssueQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gap { get; set; }
    [BindProperty(SupportsGet = true)] public bool Uncovered { get; set; }

    public IssueMapView Map { get; private set; } = null!;
    public IReadOnlyList<(string Value, string Text)> ClusterOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> GapOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Map = await queries.MapAsync(new IssueQueries.MapFilter(Cluster, Gap, Uncovered), ct);
        ClusterOptions = [("", l["Issues.AllClusters"]), .. (await queries.ClustersAsync(ct)).Select(c => (c.Code, c.Name.Text))];
        GapOptions = [("", l["Issues.AnyGap"]), .. Gaps.All.Select(g => (g.ToCode(), l["GapType." + g.ToCode()].Value))];
    }
}
