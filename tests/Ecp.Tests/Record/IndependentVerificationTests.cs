using System.Diagnostics;
using System.Net;
using System.Text;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Record;

/// <summary>
/// Anyone can check the record without our code: docs/verify-record.py (Python 3, standard
/// library only) re-hashes a download. Hard text - Cyrillic, Chinese, Arabic, quotes, a
/// backslash, a tab - must hash the same in both languages.
/// </summary>
public sealed class IndependentVerificationTests(EcpFactory app) : IClassFixture<EcpFactory>
{
    private const string HardName = "Ассоциация «Сеть» — 中文 — عربي \"quoted\" \\ tab\t";

    [Fact]
    public async Task PythonVerifier_Download_OkWithTheHead()
    {
        var name = $"{HardName} {Guid.NewGuid():N}";
        await app.People.OrganizationAsync(name: name);
        await app.People.DelegateAsync("EGY");
        var client = app.CreatePublicClient();
        var head = await client.GetJsonAsync("/api/v1/record?limit=1");
        var download = await DownloadAsync();
        Assert.Contains("Ассоциация «Сеть» — 中文 — عربي", Encoding.UTF8.GetString(download));

        var (code, output) = await RunVerifierAsync(download);

        Assert.True(code == 0, output);
        Assert.Equal($"OK {(long)head["headSequence"]!} entries, head {(string)head["headHash"]!}", output.Trim());
    }

    [Fact]
    public async Task PythonVerifier_OneByteOfAPayloadChanged_BrokenAtThatEntry()
    {
        var name = $"{HardName} {Guid.NewGuid():N}";
        await app.People.OrganizationAsync(name: name);
        var lines = Encoding.UTF8.GetString(await DownloadAsync()).TrimEnd('\n').Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(name.Split('\t')[1].Trim(), StringComparison.Ordinal));
        Assert.True(index >= 0, "the organization's entry is in the download");
        // "quoted" -> "quotes": one byte, inside the payload, the JSON still well formed.
        lines[index] = lines[index].Replace("quoted", "quotes", StringComparison.Ordinal);

        var (code, output) = await RunVerifierAsync(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

        Assert.Equal(1, code);
        Assert.StartsWith($"BROKEN at {index + 1}:", output.Trim());
    }

    [Fact]
    public async Task PythonVerifier_LineRemoved_BrokenAtTheGap()
    {
        await app.People.OrganizationAsync();
        await app.People.OrganizationAsync();
        var lines = Encoding.UTF8.GetString(await DownloadAsync()).TrimEnd('\n').Split('\n').ToList();
        Assert.True(lines.Count >= 3);
        lines.RemoveAt(1);

        var (code, output) = await RunVerifierAsync(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

        Assert.Equal(1, code);
        Assert.StartsWith("BROKEN at 2:", output.Trim());
    }

    private async Task<byte[]> DownloadAsync()
    {
        var response = await app.CreatePublicClient().GetAsync("/api/v1/record/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Runs python3 docs/verify-record.py on the bytes, once from a file and once from
    /// standard input; both must say the same.</summary>
    private static async Task<(int Code, string Output)> RunVerifierAsync(byte[] ndjson)
    {
        var script = Path.Combine(Repository.Root, "docs", "verify-record.py");
        var file = Path.Combine(Path.GetTempPath(), $"ecp-record-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllBytesAsync(file, ndjson);
        try
        {
            var fromFile = await RunAsync(script, file, null);
            var fromStdin = await RunAsync(script, null, ndjson);
            Assert.Equal(fromFile, fromStdin);
            return fromFile;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string script, string? file, byte[]? stdin)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        if (file is not null) start.ArgumentList.Add(file);
        // Whatever the machine's locale, the script reads bytes and prints ASCII.
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        if (stdin is not null) await process.StandardInput.BaseStream.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
