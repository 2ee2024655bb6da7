using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Ecp.Tests.Infrastructure;

/// <summary>
/// Reads pages and submits their forms as a browser without JavaScript would: the form's own
/// hidden fields (the antiforgery token among them) go back with the fields the test fills in.
/// Use a client from <see cref="EcpFactory.CreateClient()"/> so the antiforgery cookie carries over.
/// </summary>
public static class Html
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    /// <summary>GETs a page and parses it; fails the test unless it answers 200.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.StatusCode}, not 200"
                + (response.Headers.Location is { } to ? $" (redirect to {to})." : "."));
        }
        return await ParseAsync(response);
    }

    /// <summary>The antiforgery token of the page's first form that carries one.</summary>
    public static string AntiforgeryToken(this IHtmlDocument page)
        => page.QuerySelector<IHtmlInputElement>($"form input[name='{AntiforgeryField}']")?.Value
           ?? throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, fills its POST form (the first, or the one matching
    /// <paramref name="formSelector"/>) with <paramref name="fields"/> over the form's hidden inputs,
    /// and posts it to the form's action. Redirects are returned, not followed.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl,
        IReadOnlyDictionary<string, string> fields, string? formSelector = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        return await client.SubmitFormAsync(page, pageUrl, fields, formSelector);
    }

    /// <summary>Submits a form of a page already fetched (e.g. to post the same form twice).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument page, string pageUrl,
        IReadOnlyDictionary<string, string> fields, string? formSelector = null)
    {
        var form = (formSelector is null
                ? page.Forms.FirstOrDefault(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
                : page.QuerySelector<IHtmlFormElement>(formSelector))
            ?? throw new InvalidOperationException($"{pageUrl} has no {formSelector ?? "POST"} form.");

        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden][name]"))
        {
            if (!fields.ContainsKey(input.Name!)) values.Add(new(input.Name!, input.Value));
        }
        values.AddRange(fields);

        // An empty action posts back to the page itself; a relative one resolves against the page.
        var pageUri = new Uri(client.BaseAddress!, pageUrl);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUri : new Uri(pageUri, action!);
        return await client.PostAsync(target,
            new FormUrlEncodedContent(values));
    }
}
