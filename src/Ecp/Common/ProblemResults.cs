using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ecp.Common;

/// <summary>Maps error values, once, to RFC 9457 problem details (pages: <see cref="PageOutcome"/>).</summary>
public static class ProblemResults
{
    /// <summary>The problem detail of an error: status, localized title and detail, its code, and for
    /// invalid input the messages of each field (<c>errors</c>, as <see cref="HttpValidationProblemDetails"/>).</summary>
    public static ProblemHttpResult ToProblem(this Error error, IStringLocalizer<SharedResource> l)
    {
        ProblemDetails problem = error is ValidationError validation
            ? new HttpValidationProblemDetails(validation.Fields
                .GroupBy(f => ToCamelCase(f.Field))
                .ToDictionary(g => g.Key, g => g.Select(f => l[f.MessageKey, f.Args].Value).ToArray()))
            : new ProblemDetails();
        problem.Status = error.Status;
        problem.Title = l[$"Problem.Title.{error.Status}"].Value;
        problem.Detail = l[error.MessageKey, error.Args].Value;
        problem.Extensions["code"] = error.Code;
        return TypedResults.Problem(problem);
    }

    /// <summary>The one outcome path of an endpoint: the success result, or the error's problem detail.
    /// Typed, so the OpenAPI document knows the success response.</summary>
    public static Results<TOk, ProblemHttpResult> ToHttpResult<T, TOk>(this Result<T> result, Func<T, TOk> onSuccess, IStringLocalizer<SharedResource> l)
        where TOk : IResult
        => result.IsSuccess ? onSuccess(result.Value) : result.Error!.ToProblem(l);

    /// <inheritdoc cref="ToHttpResult{T, TOk}(Result{T}, Func{T, TOk}, IStringLocalizer{SharedResource})"/>
    public static async Task<Results<TOk, ProblemHttpResult>> ToHttpResultAsync<T, TOk>(this Task<Result<T>> pending, Func<T, Task<TOk>> onSuccess, IStringLocalizer<SharedResource> l)
        where TOk : IResult
    {
        var result = await pending;
        return result.IsSuccess ? await onSuccess(result.Value) : result.Error!.ToProblem(l);
    }

    /// <inheritdoc cref="ToHttpResult{T, TOk}(Result{T}, Func{T, TOk}, IStringLocalizer{SharedResource})"/>
    public static async Task<Results<TOk, ProblemHttpResult>> ToHttpResultAsync<T, TOk>(this Task<Result<T>> pending, Func<T, TOk> onSuccess, IStringLocalizer<SharedResource> l)
        where TOk : IResult
        => (await pending).ToHttpResult(onSuccess, l);

    /// <summary>A read that found something, or the error (usually "not found").</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOr<T>(this T? found, Error missing, IStringLocalizer<SharedResource> l) where T : class
        => found is not null ? TypedResults.Ok(found) : missing.ToProblem(l);

    private static string ToCamelCase(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
