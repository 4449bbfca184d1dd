using Npgsql;

namespace Aankopen.Benchmarks;

/// <summary>The benchmark's databases on the server bench.sh started: one per run, and the scale model's, kept.</summary>
public static class Databases
{
    public static string On(string serverConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, MaxPoolSize = 100 }.ConnectionString;

    public static async Task CreateAsync(string serverConnectionString, string database) =>
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE {database}");

    /// <summary>Dropped even while connections are open (an interrupted run's).</summary>
    public static async Task DropAsync(string serverConnectionString, string database) =>
        await ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");

    public static async Task<IReadOnlyList<string>> ListAsync(string serverConnectionString, string prefix)
    {
        await using var admin = await OpenAdminAsync(serverConnectionString);
        await using var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", admin) { Parameters = { new() { Value = prefix } } };
        await using var reader = await list.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    private static async Task ExecuteAsync(string serverConnectionString, string sql)
    {
        await using var admin = await OpenAdminAsync(serverConnectionString);
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(string serverConnectionString)
    {
        var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        return admin;
    }
}
