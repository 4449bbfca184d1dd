namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// The two queues of an administration. Provisional reservations come in bursts (every opt-in of a busy week) and
/// change nothing binding, so they have a queue of their own: an award, a renewal or a release never waits behind them.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<FinanceLane>))]
public enum FinanceLane
{
    /// <summary>Awards, renewals, releases, framework ceilings, orders, memberships, renewal notices.</summary>
    Commitments,

    /// <summary>Provisional reservations only.</summary>
    Reservations,
}

/// <summary>
/// Where finance messages travel on RabbitMQ. One durable direct exchange carries every message type and routes by
/// tenant, administration code and lane; each administration has its own two queues, bound with only its own tenant
/// and code: a connector cannot receive another administration's (or another municipality's) messages, because the
/// broker never puts them in its queues.
/// <para>
/// Each queue is a quorum queue with a single active consumer: however many connector replicas subscribe, RabbitMQ
/// hands its messages to one of them at a time, one after the other, so a tender's messages of a lane are booked in
/// the order they were recorded, and another replica takes over the moment the active one goes away.
/// Between the two lanes no order holds; the finance contract says what the finance system does about it (a
/// reservation that arrives after the lot's commitment or release for the same administration changes nothing).
/// </para>
/// <para>
/// Measured with 2,000 administrations (docs/topology.md): two queues each declare in 15 s and hold 650 MB of broker
/// memory, where the sixteen per administration of earlier versions took 168 s and 5 GB.
/// </para>
/// </summary>
public static class FinanceRouting
{
    public const string Exchange = "aankopen.finance.v1";

    /// <summary>Every message type a finance connector may receive.</summary>
    public static readonly Type[] MessageTypes =
        [typeof(LotAwardedShare), typeof(ProvisionalReservation), typeof(ReservationReleased), typeof(LotRenewedShare), typeof(RenewalDue),
            typeof(MembershipChanged), typeof(FrameworkShareAnnounced), typeof(OrderPlaced)];

    public static readonly FinanceLane[] Lanes = [FinanceLane.Commitments, FinanceLane.Reservations];

    /// <summary>
    /// The arguments every finance queue is declared with, by whichever side comes first: RabbitMQ refuses a second
    /// declaration with other arguments.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> QueueArguments { get; } = new Dictionary<string, object?>
    {
        ["x-queue-type"] = "quorum",
        ["x-single-active-consumer"] = true,
    };

    /// <summary>
    /// A tenant id: 2 to 40 of a-z, 0-9 and '-', starting with a letter or digit. It is part of routing keys and
    /// queue names, which is why nothing else is allowed.
    /// </summary>
    public static bool IsValidTenant(string? tenant) =>
        tenant is { Length: >= 2 and <= 40 } && (char.IsAsciiLetterLower(tenant[0]) || char.IsAsciiDigit(tenant[0]))
        && tenant.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>An administration code: 2 to 20 of A-Z, 0-9 and '-'.</summary>
    public static bool IsValidAdministration(string? code) =>
        code is { Length: >= 2 and <= 20 } && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    public static string QueueFor(string tenant, string administrationCode, FinanceLane lane) =>
        $"aankopen.finance.{tenant}.{administrationCode.ToLowerInvariant()}.{Name(lane)}";

    public static string ErrorQueueFor(string tenant, string administrationCode, FinanceLane lane) => $"{QueueFor(tenant, administrationCode, lane)}_error";

    /// <summary>The administration's own routing key; each message goes out as <c>{tenant}.{key}.{lane}</c>.</summary>
    public static string RoutingKeyFor(string administrationCode) => administrationCode;

    public static string RoutingKeyFor(string tenant, string administrationCode, FinanceLane lane) => $"{tenant}.{administrationCode}.{Name(lane)}";

    public static string RoutingKeyFor(FinanceMessage message) => RoutingKeyFor(message.Tenant, message.AdministrationCode, LaneOf(message));

    public static FinanceLane LaneOf(FinanceMessage message) => message is ProvisionalReservation ? FinanceLane.Reservations : FinanceLane.Commitments;

    private static string Name(FinanceLane lane) => lane switch
    {
        FinanceLane.Commitments => "commitments",
        FinanceLane.Reservations => "reservations",
        _ => throw new ArgumentOutOfRangeException(nameof(lane), lane, "A lane is Commitments or Reservations."),
    };
}
