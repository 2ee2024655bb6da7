using Ecp.Bench;
using Spectre.Console.Cli;

// ecp-bench setup | run | baseline | verify | size — see bench/surge.sh for how they fit together.
var app = new CommandApp();
app.Configure(c =>
{
    c.SetApplicationName("ecp-bench");
    c.AddCommand<SetupCommand>("setup").WithDescription("Migrate, then create a secretariat, a body, an open consultation and N accredited stakeholders with API tokens.");
    c.AddCommand<RunCommand>("run").WithDescription("Post contributions over HTTP from N concurrent connections; log every acknowledged id.");
    c.AddCommand<BaselineCommand>("baseline").WithDescription("Raw durable inserts of 600-byte rows from N concurrent tasks: the ceiling of the disk.");
    c.AddCommand<SizeCommand>("size").WithDescription("p95 of the consultation and record reads at a small and a large consultation, same run, over HTTP.");
    c.AddCommand<SearchCommand>("search").WithDescription("Search: N synthetic documents in six languages, ECP vs raw Lucene.Net vs SQLite FTS5, same run.");
    c.AddCommand<ExportCommand>("export").WithDescription("Open data: N contributions as JSON Lines and CSV over HTTP vs the database's own dump (sqlite3 -json, psql COPY), same run.");
    c.AddCommand<ProofCommand>("proof").WithDescription("Inclusion proofs of random entries of a record tree of N leaves (10M) seeded straight into the database: CPU and wall per proof.");
    c.AddCommand<VerifyCommand>("verify").WithDescription("Check that every acknowledged contribution is in the database.");
});
return await app.RunAsync(args);
