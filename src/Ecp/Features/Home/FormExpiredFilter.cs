using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ecp.Features.Home;

/// <summary>Marks a request refused for a missing or stale antiforgery token, so the error page
/// can say that the form expired instead of "the request is not valid".</summary>
public sealed class FormExpiredFilter : IAlwaysRunResultFilter
{
    public const string Marker = "ecp.form-expired";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult) context.HttpContext.Items[Marker] = true;
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
