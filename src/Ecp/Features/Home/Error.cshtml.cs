using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Home;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var code = status ?? 500;
        Response.StatusCode = code;
        var title = l[$"Problem.Title.{code}"];
        Title = title.ResourceNotFound ? l["Problem.Title.500"] : title;
        var detail = l[$"Problem.Detail.{code}"];
        Message = detail.ResourceNotFound ? l["Problem.Detail.Other"] : detail;
    }
}
