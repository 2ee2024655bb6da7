using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Record;

public sealed class IndexModel(RecordQuery query, IStringLocalizer<SharedResource> l) : PageModel
{
    private static readonly string[] Entities = ["person", "accreditation", "organization", "body", "document", "amendment", "comment", "decision", "consultation", "contribution"];

    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public RecordPage Entries { get; private set; } = null!;

    public IReadOnlyList<(string, string)> EntityOptions =>
        [("", l["Record.AllEntities"]), .. Entities.Select(e => (e, l["Entity." + e].Value))];

    public async Task OnGetAsync(CancellationToken ct)
        => Entries = await query.PageAsync(new RecordFilter(Entity, EntityId, Actor, Before), ct);

    public string LinkTo(long? before)
    {
        var q = new Dictionary<string, string?> { ["entity"] = Entity, ["entityId"] = EntityId, ["actor"] = Actor, ["before"] = before?.ToString() };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/record", q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
