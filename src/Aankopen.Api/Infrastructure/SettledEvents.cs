using Npgsql;

namespace Aankopen.Api.Infrastructure;

/// <summary>
/// The highest event sequence number below which every event is committed. The highest stored number alone is not
/// that: appends take their numbers when they write and commit later, so a slower transaction may still hold a lower
/// number (the gap the daemon's high-water mark waits out).
/// </summary>
public static class SettledEvents
{
    /// <summary>Writers commit within milliseconds; one that takes longer is not an appender (a long maintenance
    /// transaction, say) and is not waited for.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static async Task<long> HighestAsync(NpgsqlConnection connection, string schema, TimeProvider clock, CancellationToken ct)
    {
        var highest = await ScalarAsync<long>(connection, $"SELECT coalesce(max(seq_id), 0) FROM {schema}.mt_events", null, ct);
        // Every transaction that took a number up to `highest` had begun writing before this point, so its id is below
        // the next transaction id; once the oldest transaction still running is at or past it, they have all ended.
        var next = await ScalarAsync<string>(connection, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text", null, ct);
        var deadline = clock.GetUtcNow() + Patience;
        while (!await ScalarAsync<bool>(connection, "SELECT pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8", next, ct)
               && clock.GetUtcNow() < deadline)
            await Task.Delay(Poll, clock, ct);
        return highest;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string? argument, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (argument is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = argument, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
