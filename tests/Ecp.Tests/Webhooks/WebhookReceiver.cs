using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecp.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, a port of its own): records every request it gets
/// and answers 500 to the first <see cref="FailFirst"/>, 302 to another path where
/// <see cref="Redirect"/> is set, and 204 otherwise.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int failed;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>How many requests fail (500) before the receiver accepts.</summary>
    public int FailFirst { get; set; }

    /// <summary>Answers 302 to /elsewhere instead of accepting.</summary>
    public bool Redirect { get; set; }

    /// <summary>The hook's address, e.g. http://127.0.0.1:41234/hook.</summary>
    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        Requests.Enqueue(new Received(http.Request.Path, headers, body));
        if (Redirect && http.Request.Path == "/hook")
        {
            http.Response.StatusCode = StatusCodes.Status302Found;
            http.Response.Headers.Location = "/elsewhere";
            return;
        }
        http.Response.StatusCode = Interlocked.Increment(ref failed) <= FailFirst ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
