namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// Where finance messages travel on RabbitMQ. One durable direct exchange carries every message type and routes by
/// tenant and administration code; each administration's connector has its own queues, bound with only its own
/// tenant and code: a connector cannot receive another administration's (or another municipality's) messages,
/// because the broker never puts them in its queues.
/// <para>
/// Each administration has <see cref="Shards"/> queues. The messages of one tender (or membership) always go to the
/// same one, chosen from its id, and a connector takes each queue's messages one at a time: that keeps a tender's
/// messages in the order they were recorded while other tenders' messages go alongside. One queue consumed
/// concurrently cannot do that, since concurrent consumers may start a later message first.
/// </para>
/// </summary>
public static class FinanceRouting
{
    public const string Exchange = "aankopen.finance.v1";

    /// <summary>Queues per administration. Part of the topology: publisher and connectors must agree on it.</summary>
    public const int Shards = 16;

    /// <summary>Every message type a finance connector may receive.</summary>
    public static readonly Type[] MessageTypes =
        [typeof(LotAwardedShare), typeof(ProvisionalReservation), typeof(ReservationReleased), typeof(LotRenewedShare), typeof(RenewalDue),
            typeof(MembershipChanged), typeof(FrameworkShareAnnounced), typeof(OrderPlaced)];

    /// <summary>
    /// A tenant id: 2 to 40 of a-z, 0-9 and '-', starting with a letter or digit. It is part of routing keys and
    /// queue names, which is why nothing else is allowed.
    /// </summary>
    public static bool IsValidTenant(string? tenant) =>
        tenant is { Length: >= 2 and <= 40 } && (char.IsAsciiLetterLower(tenant[0]) || char.IsAsciiDigit(tenant[0]))
        && tenant.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static string QueueFor(string tenant, string administrationCode, int shard) =>
        $"aankopen.finance.{tenant}.{administrationCode.ToLowerInvariant()}.{CheckedShard(shard):00}";

    public static string ErrorQueueFor(string tenant, string administrationCode, int shard) => $"{QueueFor(tenant, administrationCode, shard)}_error";

    /// <summary>The administration's own routing key; each message goes out as <c>{tenant}.{key}.{shard:00}</c>.</summary>
    public static string RoutingKeyFor(string administrationCode) => administrationCode;

    public static string RoutingKeyFor(string tenant, string administrationCode, int shard) => $"{tenant}.{administrationCode}.{CheckedShard(shard):00}";

    public static string RoutingKeyFor(FinanceMessage message) => RoutingKeyFor(message.Tenant, message.AdministrationCode, ShardOf(message));

    /// <summary>The queue of the message's tender or membership: the same for all of them, whoever computes it.</summary>
    public static int ShardOf(FinanceMessage message) => ShardOf(message switch
    {
        TenderFinanceMessage t => t.TenderId,
        MembershipChanged m => m.MembershipId,
        _ => Guid.Empty,
    });

    /// <summary>
    /// FNV-1a over all sixteen bytes: stable across processes and versions (unlike <see cref="Guid.GetHashCode"/>),
    /// and spread well also for ids whose time-ordered part sits at one end.
    /// </summary>
    public static int ShardOf(Guid key)
    {
        Span<byte> bytes = stackalloc byte[16];
        key.TryWriteBytes(bytes);
        var hash = 2166136261u;
        foreach (var b in bytes)
            hash = (hash ^ b) * 16777619u;
        return (int)(hash % Shards);
    }

    private static int CheckedShard(int shard) =>
        shard is >= 0 and < Shards ? shard : throw new ArgumentOutOfRangeException(nameof(shard), shard, $"A shard is 0 to {Shards - 1}.");
}
