using Ecp.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Ecp.Common;

/// <summary>Maps error values, once, to RFC 9457 problem details and to page ModelState.</summary>
public static class ProblemResults
{
    public static IResult ToProblem(this Error error, IStringLocalizer<SharedResource> l)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error is ValidationError validation)
        {
            var fields = validation.Fields
                .GroupBy(f => ToCamelCase(f.Field))
                .ToDictionary(g => g.Key, g => g.Select(f => l[f.MessageKey, f.Args].Value).ToArray());
            return TypedResults.ValidationProblem(fields, detail: l[error.MessageKey].Value,
                title: l["Problem.Title.400"].Value, extensions: extensions);
        }
        return TypedResults.Problem(
            detail: l[error.MessageKey, error.Args].Value,
            statusCode: error.Status,
            title: l[$"Problem.Title.{error.Status}"].Value,
            extensions: extensions);
    }

    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult> onSuccess, IStringLocalizer<SharedResource> l)
        => result.IsSuccess ? onSuccess(result.Value) : result.Error!.ToProblem(l);

    /// <summary>Puts an error on a page: field errors beside their fields, others at the top.</summary>
    public static void AddTo(this Error error, ModelStateDictionary modelState, IStringLocalizer<SharedResource> l, string prefix = "Input")
    {
        if (error is ValidationError validation)
        {
            foreach (var f in validation.Fields)
            {
                modelState.AddModelError($"{prefix}.{f.Field}", l[f.MessageKey, f.Args].Value);
            }
            return;
        }
        modelState.AddModelError(string.Empty, l[error.MessageKey, error.Args].Value);
    }

    private static string ToCamelCase(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
