using Ecp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ecp.Features.Consultations;

public sealed class ResultsModel(QuestionnaireResults results, AppDbContext db) : PageModel
{
    public Guid Id { get; private set; }
    public string Topic { get; private set; } = "";
    public IReadOnlyList<QuestionResults> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var topic = await db.Consultations.Where(c => c.Id == id).Select(c => c.Topic).FirstOrDefaultAsync(ct);
        if (topic is null || await results.GetAsync(id, ct) is not { } r) return NotFound();
        (Id, Topic, Results) = (id, topic, r);
        return Page();
    }
}
