using System.ComponentModel;
using System.Reflection;
using Ecp.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Ecp.Common;

/// <summary>Endpoint metadata: the endpoint's bound arguments go through <see cref="InputRules"/>.</summary>
public sealed class InputRulesMetadata
{
    public static readonly InputRulesMetadata Instance = new();
}

/// <summary>
/// Applies <see cref="InputRules"/> to every argument an API endpoint binds from the request
/// (body, route, query, form files), and to every other query value: a failure is a 400 validation problem naming the camelCased
/// field, and the handler does not run. Which arguments are bound is decided once per endpoint.
/// </summary>
public static class InputRulesEndpointFilter
{
    /// <summary>Puts every endpoint of the group (present and future) under the input rule.</summary>
    public static TBuilder WithInputRules<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(InputRulesMetadata.Instance).AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var bound = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => IsBoundFromRequest(x.Parameter, isService))
            .Select(x => (x.Index, Name: x.Parameter.Name ?? "", IsName: x.Parameter.GetCustomAttribute<NameAttribute>() is not null))
            .ToList();
        var boundNames = bound.Select(b => b.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return async invocation =>
        {
            var errors = new List<FieldError>();
            // A query value no parameter binds (a handler may read it itself) meets the same rule:
            // PostgreSQL cannot even compare text with U+0000.
            foreach (var (key, values) in invocation.HttpContext.Request.Query)
            {
                if (boundNames.Contains(key)) continue;
                if (values.Select(v => InputRules.CheckText(key, v)).FirstOrDefault(e => e is not null) is { } error) errors.Add(error);
            }
            foreach (var (index, name, isName) in bound)
            {
                // A body is the request itself: its fields are named from the top ("name", not "command.name").
                var argument = invocation.Arguments[index];
                var path = argument is string or DateTimeOffset or DateTime or DateOnly or IFormFile ? name : "";
                InputRules.Check(argument, path, isName, InputRules.Naming.Json, errors);
            }
            if (errors.Count == 0) return await next(invocation);
            var l = invocation.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return new ValidationError(errors).ToProblem(l);
        };
    }

    private static bool IsBoundFromRequest(ParameterInfo p, IServiceProviderIsService? isService)
    {
        if (p.GetCustomAttribute<FromServicesAttribute>() is not null || p.GetCustomAttribute<SecretAttribute>() is not null) return false;
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        if (type == typeof(HttpContext) || type == typeof(CancellationToken) || isService?.IsService(type) == true) return false;
        return InputRules.IsChecked(type);
    }
}

/// <summary>
/// Applies <see cref="InputRules"/> to what a page binds (its [BindProperty] properties and its
/// handler's arguments). A failure puts the message beside the field and in the error summary,
/// and shows the page as its GET handler would, with what was typed: the POST handler does not
/// run, so nothing is stored.
/// </summary>
public sealed class InputRulesPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var errors = new List<FieldError>();
        foreach (var property in context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>())
        {
            if (property.Property.GetCustomAttribute<SecretAttribute>() is not null || !InputRules.IsChecked(property.ParameterType)) continue;
            InputRules.Check(property.Property.GetValue(context.HandlerInstance), property.BindingInfo?.BinderModelName ?? property.Name,
                property.Property.GetCustomAttribute<NameAttribute>() is not null, InputRules.Naming.Form, errors);
        }
        foreach (var parameter in context.HandlerMethod?.Parameters ?? [])
        {
            var source = parameter.BindingInfo?.BindingSource;
            if (source == BindingSource.Services || source == BindingSource.Special || !InputRules.IsChecked(parameter.ParameterType)) continue;
            if (context.HandlerArguments.TryGetValue(parameter.Name, out var value))
            {
                InputRules.Check(value, parameter.BindingInfo?.BinderModelName ?? parameter.Name, false, InputRules.Naming.Form, errors);
            }
        }
        if (errors.Count == 0)
        {
            await next();
            return;
        }

        var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var e in errors) context.ModelState.AddModelError(e.Field, l[e.MessageKey, e.Args].Value);
        context.Result = await ShowPageAsync(context);
    }

    /// <summary>Runs the page's GET handler (it loads what the page shows) in place of the one the form asked for.</summary>
    private static async Task<IActionResult> ShowPageAsync(PageHandlerExecutingContext context)
    {
        var get = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h =>
            string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(h.Name));
        if (get is null) return new PageResult();
        var arguments = get.Parameters.Select(p => ArgumentFor(p, context)).ToArray();
        var returned = get.MethodInfo.Invoke(context.HandlerInstance, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        if (returned is Task task)
        {
            await task;
            returned = task.GetType().GetProperty(nameof(Task<object>.Result))?.GetValue(task);
        }
        return returned as IActionResult ?? new PageResult();
    }

    private static object? ArgumentFor(HandlerParameterDescriptor p, PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        if (p.ParameterType == typeof(CancellationToken)) return http.RequestAborted;
        if (p.BindingInfo?.BindingSource == BindingSource.Services) return http.RequestServices.GetRequiredService(p.ParameterType);
        if (context.HandlerArguments.TryGetValue(p.Name, out var same) && same is not null && p.ParameterType.IsInstanceOfType(same)) return same;
        var raw = context.RouteData.Values.TryGetValue(p.Name, out var route) ? route?.ToString() : http.Request.Query[p.Name].FirstOrDefault();
        if (raw is not null)
        {
            try
            {
                return TypeDescriptor.GetConverter(p.ParameterType).ConvertFromInvariantString(raw);
            }
            catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException)
            {
                // An unreadable value is left out, as model binding would.
            }
        }
        return p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null ? Activator.CreateInstance(p.ParameterType) : null;
    }
}
