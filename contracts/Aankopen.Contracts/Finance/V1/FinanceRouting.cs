namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// Where finance messages travel on RabbitMQ. One durable direct exchange carries every message type and routes by
/// administration code; each administration's connector has its own queue bound with only its own code: a
/// connector cannot receive another administration's messages, because the broker never puts them in its queue.
/// </summary>
public static class FinanceRouting
{
    public const string Exchange = "aankopen.finance.v1";

    /// <summary>Every message type a finance connector may receive.</summary>
    public static readonly Type[] MessageTypes =
        [typeof(LotAwardedShare), typeof(ProvisionalReservation), typeof(ReservationReleased), typeof(LotRenewedShare), typeof(RenewalDue),
            typeof(MembershipChanged)];

    public static string QueueFor(string administrationCode) => $"aankopen.finance.{administrationCode.ToLowerInvariant()}";

    public static string ErrorQueueFor(string administrationCode) => $"{QueueFor(administrationCode)}_error";

    public static string RoutingKeyFor(string administrationCode) => administrationCode;
}
