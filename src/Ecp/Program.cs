using Ecp;
using Ecp.Features.Cli;

// One executable: the operator's verbs, and the web app (`ecp serve`, also `ecp` alone).
if (!EcpCli.IsHostSettings(args))
{
    return await EcpCli.RunAsync(args);
}

// Only host settings (--key=value): the host's own form, which WebApplicationFactory uses to start
// the app (and migrates the database itself once it runs, so no migration check here). A port that
// is taken is still one line, not a stack trace.
var app = EcpWeb.Build([.. args, .. ServeCommand.HostStartLogging]);
try
{
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (CliHost.Explain(e) is { } line)
{
    CliHost.Fail(line);
    return EcpCli.Failed;
}
