using Ecp.Resources;
using Microsoft.Extensions.Localization;

namespace Ecp.Common;

public static class QueryValues
{
    /// <summary>
    /// A query value with a control character (?entity=%00) names nothing that is stored, and
    /// PostgreSQL cannot even compare text with U+0000 (it failed with a 500): refused as a 400
    /// problem naming the parameter, before it reaches a query, on every database alike.
    /// </summary>
    public static TBuilder RefuseControlCharactersInQuery<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter(async (context, next) =>
        {
            foreach (var (name, values) in context.HttpContext.Request.Query)
            {
                if (values.Any(v => v is not null && v.Any(char.IsControl)))
                {
                    var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                    return new ValidationError([new FieldError(name, "Validation.QueryControlCharacter")]).ToProblem(l);
                }
            }
            return await next(context);
        });
}
