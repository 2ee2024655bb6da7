using System.Text.Json;
using Ecp.Common;

namespace Ecp.Bench;

/// <summary>Services without a server, built like the ecp CLI's host, so setup and verify go
/// through the same use cases and the same DbContext as the web app.</summary>
internal static class BenchHost
{
    public static WebApplication Build(string database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [$"--Ecp:Database={database}", "--Ecp:Notifications:Enabled=false"],
            // Not the bench's own folder: the app's settings are not needed, only its services.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddEcpServices(builder.Configuration);
        return builder.Build();
    }

    public static T Expect<T>(Result<T> result, string what)
        => result.IsSuccess ? result.Value : throw new InvalidOperationException($"{what} was refused: {result.Error}");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>What setup writes and run reads.</summary>
internal sealed record SetupFile(Guid ConsultationId, int Question, IReadOnlyList<string> Tokens);
