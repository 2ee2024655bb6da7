using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ecp.Common;

/// <summary>
/// The one outcome path of a page's form: act, then on success redirect with a message (the
/// layout shows <c>TempData["Done"]</c>, so a reload never posts twice); on failure answer as
/// the error is: not logged in is a challenge, not found a 404, forbidden the page again with
/// the reason and status 403, anything else the page again with each field's message beside
/// its field and the others at the top (the error summary links to each).
/// </summary>
public static class PageOutcome
{
    /// <param name="done">Resource key of the message shown after the redirect; null where the page
    /// redirected to is itself the acknowledgement (a new consultation's page).</param>
    /// <param name="redirectTo">Where to go on success (a local URL).</param>
    /// <param name="redisplay">Loads the page again for the errors; a null result is a 404.</param>
    /// <param name="fieldKey">The form field a field error belongs to; by default <c>Input.Field</c>.</param>
    public static async Task<IActionResult> ActAsync<T>(this PageModel page, Task<Result<T>> action, string? done, Func<T, string> redirectTo,
        Func<Task<bool>> redisplay, Func<string, string>? fieldKey = null)
    {
        var result = await action;
        if (result.IsSuccess)
        {
            if (done is not null) page.TempData["Done"] = done;
            return page.LocalRedirect(redirectTo(result.Value));
        }
        return await page.FailedAsync(result.Error!, redisplay, fieldKey);
    }

    /// <inheritdoc cref="ActAsync{T}(PageModel, Task{Result{T}}, string?, Func{T, string}, Func{Task{bool}}, Func{string, string}?)"/>
    public static Task<IActionResult> ActAsync<T>(this PageModel page, Task<Result<T>> action, string? done, string redirectTo,
        Func<Task<bool>> redisplay, Func<string, string>? fieldKey = null)
        => page.ActAsync(action, done, _ => redirectTo, redisplay, fieldKey);

    /// <summary>Shows <paramref name="error"/> as its kind asks (see the class summary).</summary>
    public static async Task<IActionResult> FailedAsync(this PageModel page, Error error, Func<Task<bool>> redisplay, Func<string, string>? fieldKey = null)
    {
        switch (error)
        {
            case UnauthenticatedError:
                return page.Challenge();
            case NotFoundError:
                return page.NotFound();
        }
        var l = page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (error is ValidationError validation)
        {
            foreach (var f in validation.Fields)
            {
                page.ModelState.AddModelError(fieldKey?.Invoke(f.Field) ?? $"Input.{f.Field}", l[f.MessageKey, f.Args].Value);
            }
        }
        else
        {
            page.ModelState.AddModelError(string.Empty, l[error.MessageKey, error.Args].Value);
        }
        if (!await redisplay()) return page.NotFound();
        // Not 200 for a refusal of who you are: a client (or a screen reader's user) learns it from the status too.
        return new PageResult { StatusCode = error is ForbiddenError ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK };
    }
}
