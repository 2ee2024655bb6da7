using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Ecp.Tests.Infrastructure;

namespace Ecp.Tests.Notifications;

/// <summary>
/// The real SMTP server of the tests (tests/smtp-sink.py): test.sh starts one and exports
/// ECP_TEST_SMTP_PORT and ECP_TEST_SMTP_DIR; without them (a developer's machine) a test starts
/// its own. Each message received is a file; tests find theirs by the recipient's unique address.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process? process;

    private SmtpSink(int port, string directory, Process? process)
    {
        Port = port;
        Directory = directory;
        this.process = process;
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>The sink test.sh started, or a new one of this test's own.</summary>
    public static async Task<SmtpSink> ForTestAsync()
    {
        var port = Environment.GetEnvironmentVariable("ECP_TEST_SMTP_PORT");
        var directory = Environment.GetEnvironmentVariable("ECP_TEST_SMTP_DIR");
        if (int.TryParse(port, out var p) && directory is { Length: > 0 } && System.IO.Directory.Exists(directory))
        {
            return new SmtpSink(p, directory, null);
        }
        return await StartAsync();
    }

    /// <summary>Starts a sink of this test's own, on <paramref name="port"/> or a free port.</summary>
    public static async Task<SmtpSink> StartAsync(int port = 0)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ecp-smtp-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "tests", "smtp-sink.py"));
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            if (!int.TryParse(line, out var listening))
            {
                throw new InvalidOperationException($"The SMTP sink did not start: {line} {await process.StandardError.ReadToEndAsync()}");
            }
            return new SmtpSink(listening, directory, process);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>A port nothing listens on (for "the mail server is down").</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Every message received for <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address)
        => System.IO.Directory.EnumerateFiles(Directory, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        if (process is null) return;
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless.
        }
    }
}
