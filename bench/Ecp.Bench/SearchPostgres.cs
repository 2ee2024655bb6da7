using Npgsql;
using NpgsqlTypes;

namespace Ecp.Bench;

/// <summary>
/// The PostgreSQL full-text baseline of the search benchmark: the same documents in a throwaway
/// database, each as <c>to_tsvector</c> in its language's configuration ('simple' for Chinese,
/// which PostgreSQL has none for), a GIN index; a query is the words analysed in each of the six
/// configurations (as ECP analyses them in each language), <c>ts_rank</c> ORDER BY LIMIT 20, and
/// <c>ts_headline</c> of the 20 for snippets.
/// </summary>
internal sealed class SearchPostgres : IDisposable
{
    private static readonly Dictionary<string, string> Configs = new()
    {
        ["ar"] = "arabic", ["zh"] = "simple", ["en"] = "english", ["fr"] = "french", ["ru"] = "russian", ["es"] = "spanish",
    };

    private readonly string admin;
    private readonly string database = "ecp_search_bench_" + Guid.NewGuid().ToString("N")[..8];
    private readonly NpgsqlConnection connection;

    public SearchPostgres(string connectionString)
    {
        admin = connectionString;
        using (var c = new NpgsqlConnection(admin))
        {
            c.Open();
            Exec(c, $"CREATE DATABASE {database}");
        }
        connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString);
        connection.Open();
    }

    /// <summary>Loads and indexes the documents: COPY, to_tsvector per language, GIN.</summary>
    public void Index(IEnumerable<(string Id, string Lang, string Group, string Text)> docs)
    {
        Exec(connection, "SET maintenance_work_mem = '1GB'");
        Exec(connection, "CREATE UNLOGGED TABLE staging (id int, cfg text, grp text, body text)");
        using (var copy = connection.BeginBinaryImport("COPY staging (id, cfg, grp, body) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in docs)
            {
                copy.StartRow();
                copy.Write(int.Parse(d.Id, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Integer);
                copy.Write(Configs[d.Lang], NpgsqlDbType.Text);
                copy.Write(d.Group, NpgsqlDbType.Text);
                copy.Write(d.Text, NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        Exec(connection, "CREATE TABLE d AS SELECT id, cfg::regconfig AS cfg, grp, body, to_tsvector(cfg::regconfig, body) AS tsv FROM staging");
        Exec(connection, "DROP TABLE staging");
        Exec(connection, "CREATE INDEX d_tsv ON d USING gin (tsv)");
        Exec(connection, "CREATE INDEX d_grp ON d (grp)");
        Exec(connection, "ANALYZE d");
    }

    /// <summary>One query: top 20 by ts_rank, with ts_headline snippets; every row read.</summary>
    public void Query(string words, bool phrase, string? group)
    {
        var to = phrase ? "phraseto_tsquery" : "plainto_tsquery";
        var q = string.Join(" || ", Configs.Values.Distinct().Select(c => $"{to}('{c}', $1)"));
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT id, ts_headline(cfg, body, q, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=3') FROM (
              SELECT id, cfg, body, q FROM d, (SELECT {q}) AS x(q)
              WHERE tsv @@ q{(group is null ? "" : " AND grp = $2")}
              ORDER BY ts_rank(tsv, q) DESC LIMIT 20) t
            """;
        cmd.Parameters.Add(new NpgsqlParameter { Value = words });
        if (group is not null) cmd.Parameters.Add(new NpgsqlParameter { Value = group });
        using var rd = cmd.ExecuteReader();
        while (rd.Read())
        {
        }
    }

    private static void Exec(NpgsqlConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        connection.Dispose();
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(admin);
        c.Open();
        Exec(c, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }
}
