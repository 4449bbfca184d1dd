namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// Where finance messages travel on RabbitMQ. A direct exchange routes by administration code, and each
/// administration's connector has its own queue bound with only its own code: a connector cannot receive another
/// administration's messages, because the broker never puts them in its queue.
/// </summary>
public static class FinanceRouting
{
    public const string LotAwardedExchange = "aankopen.finance.lot-awarded.v1";

    public static string QueueFor(string administrationCode) => $"aankopen.finance.{administrationCode.ToLowerInvariant()}";

    public static string RoutingKeyFor(string administrationCode) => administrationCode;
}
