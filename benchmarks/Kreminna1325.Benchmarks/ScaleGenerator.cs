using System.Diagnostics;
using Npgsql;

/// <summary>
/// Many communities, fast: the built-in plan loaded once through the app (Kreminna, community 1), then copied in SQL,
/// one INSERT … SELECT per table with every id shifted by copy × the table's largest id, so references stay
/// consistent without a lookup. Reports are written in SQL for every plan, chosen by a hash of the period's id, so
/// a community's reports are the same whichever database it is in.
/// </summary>
internal static class ScaleGenerator
{
    /// <summary>The copied tables, parents first, and which table each foreign key column points to.</summary>
    private static readonly (string Table, Dictionary<string, string> Keys)[] PlanTables =
    [
        ("responsible_bodies", new() { ["id"] = "responsible_bodies", ["community_id"] = "communities" }),
        ("plans", new() { ["id"] = "plans", ["community_id"] = "communities" }),
        ("directions", new() { ["id"] = "directions", ["plan_id"] = "plans" }),
        ("measures", new() { ["id"] = "measures", ["direction_id"] = "directions", ["community_id"] = "communities" }),
        ("measure_responsible_bodies", new() { ["measure_id"] = "measures", ["responsible_body_id"] = "responsible_bodies" }),
        ("indicators", new() { ["id"] = "indicators", ["measure_id"] = "measures" }),
        ("funding_lines", new() { ["id"] = "funding_lines", ["measure_id"] = "measures" }),
        ("printed_totals", new() { ["id"] = "printed_totals", ["plan_id"] = "plans", ["direction_id"] = "directions" }),
        ("reporting_periods", new() { ["id"] = "reporting_periods", ["measure_id"] = "measures", ["community_id"] = "communities" }),
    ];

    /// <summary>Oblasts the copies are spread over: about 80 communities each at 1,500, as the oblast roll-up.</summary>
    public const int Oblasts = 19;

    /// <summary>Copies community 1 and its plan <paramref name="copies"/> times.</summary>
    public static async Task CopyCommunitiesAsync(string connectionString, int copies)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        // The copies set community_id themselves: no triggers, and the foreign keys hold by construction.
        await ExecAsync(connection, "SET LOCAL session_replication_role = replica");
        var strides = new Dictionary<string, long>();
        foreach (var table in PlanTables.SelectMany(t => t.Keys.Values).Append("communities").Distinct())
        {
            strides[table] = (long)(await ScalarAsync(connection, $"SELECT coalesce(max(id), 0)::bigint FROM {table}"))!;
        }

        if (strides["communities"] != 1)
        {
            throw new InvalidOperationException("The generator copies community 1; the database must hold only it.");
        }

        // Oblast 0 is Kreminna's (Luhansk); the others have made-up codes of the same shape.
        await ExecAsync(connection, $"""
            INSERT INTO communities (id, code, name, oblast_code, oblast_name, slug, created_at)
            SELECT 1 + k, 'UA9' || lpad(k::text, 16, '0'), 'Громада ' || k,
                   CASE WHEN k % {Oblasts} = 0 THEN c.oblast_code ELSE 'UA' || lpad((k % {Oblasts})::text, 2, '0') || '000000000000000' END,
                   CASE WHEN k % {Oblasts} = 0 THEN c.oblast_name ELSE 'Область ' || (k % {Oblasts}) END,
                   'bench-' || k, c.created_at
            FROM communities c CROSS JOIN generate_series(1, {copies}) k WHERE c.id = 1
            """);
        foreach (var (table, keys) in PlanTables)
        {
            var columns = await ColumnsAsync(connection, table);
            var values = columns.Select(c => keys.TryGetValue(c, out var target) ? $"\"{c}\" + k * {strides[target]}" : $"\"{c}\"");
            var sw = Stopwatch.StartNew();
            var rows = await ExecAsync(connection, $"""
                INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
                SELECT {string.Join(", ", values)} FROM {table} CROSS JOIN generate_series(1, {copies}) k
                """);
            Console.WriteLine($"  {table}: {rows:N0} rows in {sw.Elapsed.TotalSeconds:0.0} s");
        }

        await tx.CommitAsync();
        await ResetIdentitiesAsync(connection);
    }

    /// <summary>
    /// Two years (2020 and 2021) of reports in every state for every plan: four in five periods have one (half approved,
    /// a fifth submitted, a tenth returned, a fifth drafts), each with a value for every indicator, counts broken down
    /// by sex, and spending on a third.
    /// </summary>
    public static async Task ReportsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await ExecAsync(connection, "SET LOCAL session_replication_role = replica");
        string[] steps =
        [
            """
            INSERT INTO reports (period_id, measure_id, community_id, status, implementation, not_done_reason, narrative, review_comment,
                                 submitted_at, submitted_by, reviewed_at, reviewed_by, is_demo)
            SELECT p.id, p.measure_id, p.community_id, s.status,
                   (ARRAY['Done', 'InProgress', 'Done', 'NotStarted', 'NotDone'])[1 + (h / 10) % 5],
                   CASE WHEN (h / 10) % 5 = 4 THEN 'Не вистачило коштів' END,
                   'Проведено заходи відповідно до плану.',
                   CASE WHEN s.status = 'Returned' THEN 'Уточніть кількість учасників' END,
                   CASE WHEN s.status <> 'Draft' THEN (p.due - 3)::timestamp AT TIME ZONE 'UTC' END,
                   CASE WHEN s.status <> 'Draft' THEN 'bench-official' END,
                   CASE WHEN s.status IN ('Approved', 'Returned') THEN (p.due + 4)::timestamp AT TIME ZONE 'UTC' END,
                   CASE WHEN s.status IN ('Approved', 'Returned') THEN 'bench-staff' END,
                   false
            FROM reporting_periods p
            CROSS JOIN LATERAL (SELECT abs(hashtext(p.id::text)) AS h) x
            CROSS JOIN LATERAL (SELECT (ARRAY['Approved', 'Approved', 'Approved', 'Approved', 'Approved', 'Submitted', 'Submitted', 'Returned', 'Draft', 'Draft'])[1 + (x.h / 100) % 10] AS status) s
            WHERE p.year IN (2020, 2021) AND x.h % 5 <> 0
            """,
            """
            INSERT INTO report_events (report_id, at, user_id, user_name, "from", "to", comment)
            SELECT r.id, r.submitted_at, NULL, 'bench-official', 'Draft', 'Submitted', NULL FROM reports r WHERE r.submitted_at IS NOT NULL
            UNION ALL
            SELECT r.id, r.reviewed_at, NULL, 'bench-staff', 'Submitted', r.status, r.review_comment FROM reports r WHERE r.reviewed_at IS NOT NULL
            """,
            """
            INSERT INTO indicator_values (report_id, indicator_id, measure_id, number, present, text, entries)
            SELECT r.id, i.id, r.measure_id,
                   CASE i.kind WHEN 'Count' THEN 10 + abs(hashtext(r.id || ':' || i.id)) % 90 WHEN 'Percentage' THEN (abs(hashtext(r.id || ':' || i.id)) % 1000) / 10.0 END,
                   CASE WHEN i.kind = 'Presence' THEN true END,
                   CASE WHEN i.kind = 'Text' THEN 'Звіт про виконання' END,
                   CASE WHEN i.kind = 'List' THEN ARRAY['Захід 1', 'Захід 2'] ELSE '{}' END
            FROM reports r JOIN indicators i ON i.measure_id = r.measure_id
            """,
            """
            INSERT INTO value_breakdowns (indicator_value_id, measure_id, community_id, dimension, category, count)
            SELECT v.id, v.measure_id, r.community_id, 'Sex', c.category, CASE c.category WHEN 'women' THEN ceil(v.number * 0.6) ELSE v.number - ceil(v.number * 0.6) END
            FROM indicator_values v JOIN reports r ON r.id = v.report_id JOIN indicators i ON i.id = v.indicator_id
            CROSS JOIN (VALUES ('women'), ('men')) c(category)
            WHERE i.kind = 'Count'
            """,
            """
            INSERT INTO report_spending (report_id, measure_id, community_id, source, amount)
            SELECT r.id, r.measure_id, r.community_id, 'Local', 1 + abs(hashtext(r.id::text)) % 50
            FROM reports r WHERE r.status <> 'Draft' AND r.id % 3 = 0
            """,
        ];
        foreach (var step in steps)
        {
            var sw = Stopwatch.StartNew();
            var rows = await ExecAsync(connection, step);
            Console.WriteLine($"  {step.Split(' ', 3)[2].Split(' ')[0]}: {rows:N0} rows in {sw.Elapsed.TotalSeconds:0.0} s");
        }

        await tx.CommitAsync();
        await ResetIdentitiesAsync(connection);
        await ExecAsync(connection, "ANALYZE");
    }

    private static async Task ResetIdentitiesAsync(NpgsqlConnection connection)
    {
        foreach (var table in new[] { "communities", "responsible_bodies", "plans", "directions", "measures", "indicators", "funding_lines", "printed_totals", "reporting_periods", "reports", "indicator_values", "report_events" })
        {
            await ExecAsync(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), greatest((SELECT max(id) FROM {table}), 1))");
        }
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t AND is_generated = 'NEVER' ORDER BY ordinal_position",
            connection);
        command.Parameters.AddWithValue("t", table);
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    internal static async Task<int> ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync();
    }

    internal static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync();
    }
}
