using Ecp;
using Ecp.Features.Cli;

// One executable: the web app ("serve", the default) and the operator's verbs.
if (args.Length > 0 && EcpCli.IsVerb(args[0]))
{
    return await EcpCli.RunAsync(args);
}

var app = EcpWeb.Build(args);
await app.RunAsync();
return 0;
