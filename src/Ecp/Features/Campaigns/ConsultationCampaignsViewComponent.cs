using Microsoft.AspNetCore.Mvc;

namespace Ecp.Features.Campaigns;

/// <summary>On a consultation's page: unique texts and campaigns side by side, the largest campaigns
/// with their facts, and the links to all of them (JSON, CSV). Nothing when nothing is grouped yet.</summary>
public sealed class ConsultationCampaignsViewComponent(CampaignQueries queries) : ViewComponent
{
    public const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync(Guid consultationId)
    {
        var view = await queries.CampaignsAsync(consultationId, null, HttpContext.RequestAborted);
        return view.IsSuccess && view.Value.Contributions > 0
            ? View("/Features/Campaigns/_ConsultationCampaigns.cshtml", view.Value)
            : Content("");
    }
}
