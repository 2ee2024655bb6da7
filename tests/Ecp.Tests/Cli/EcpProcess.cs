using System.Diagnostics;

namespace Ecp.Tests.Cli;

/// <summary>
/// The real built executable (ecp.dll, copied beside the tests), run as an operator runs it: in a
/// folder of its own, with none of the caller's ECP or ASP.NET Core settings.
/// </summary>
internal sealed class EcpProcess : IAsyncDisposable
{
    // A guard against a hung process, not a measure: a healthy run takes seconds.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(4);

    private readonly Process process;
    private readonly Task<string> stderr;

    private EcpProcess(string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecp.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ECP", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        process = Process.Start(start)!;
        process.StandardInput.Close();
        stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>A scratch folder, deleted by the caller.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ecp-exe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static EcpProcess Start(string workingDirectory, params string[] args) => new(workingDirectory, args);

    /// <summary>Runs to the end: exit code, standard output, standard error.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string workingDirectory, params string[] args)
    {
        await using var p = Start(workingDirectory, args);
        var stdout = p.process.StandardOutput.ReadToEndAsync();
        using var guard = new CancellationTokenSource(Guard);
        await p.process.WaitForExitAsync(guard.Token);
        return (p.process.ExitCode, await stdout, await p.stderr);
    }

    /// <summary>Reads standard output a line at a time until <paramref name="last"/> matches; returns the lines read.</summary>
    public async Task<List<string>> ReadUntilAsync(Func<string, bool> last)
    {
        var lines = new List<string>();
        using var guard = new CancellationTokenSource(Guard);
        while (await process.StandardOutput.ReadLineAsync(guard.Token) is { } line)
        {
            lines.Add(line);
            if (last(line)) return lines;
        }
        throw new InvalidOperationException($"ecp ended (exit {await ExitAsync()}) before the expected line:\n{string.Join('\n', lines)}\n{await stderr}");
    }

    /// <summary>Stops the process and returns the rest of its output, both streams.</summary>
    public async Task<string> StopAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        var rest = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return rest + await stderr;
    }

    private async Task<int> ExitAsync()
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
