using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Home;

/// <summary>
/// The error page of every non-API address (the API answers problem details): re-executed by the
/// status-code pages and the exception handler with the original status, in the caller's language,
/// in words for a person ("the form has expired"), not for a client ("the body is not valid JSON").
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>Where "go back" leads: the page whose form expired, or null.</summary>
    public string? BackTo { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    // Razor Pages answer 405 themselves for other methods; the error page must render for any.
    public void OnPut(int? status) => Describe(status);

    public void OnDelete(int? status) => Describe(status);

    public void OnPatch(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var code = status is >= 400 and <= 599 ? status.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        if (code == StatusCodes.Status400BadRequest && HttpContext.Items.ContainsKey(FormExpiredFilter.Marker))
        {
            Title = l["ErrorPage.FormExpired.Title"];
            Message = l["ErrorPage.FormExpired.Detail"];
            var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
            BackTo = original is null ? null : ReturnUrl.Safe(original.OriginalPathBase + original.OriginalPath + original.OriginalQueryString);
            return;
        }
        Title = First($"ErrorPage.Title.{code}", $"Problem.Title.{code}", "Problem.Title.500");
        Message = First($"ErrorPage.Detail.{code}", $"Problem.Detail.{code}", "Problem.Detail.Other");
    }

    private string First(params string[] keys)
        => keys.Select(k => l[k]).FirstOrDefault(s => !s.ResourceNotFound) ?? l[keys[^1]];
}
