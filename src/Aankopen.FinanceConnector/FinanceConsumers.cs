using Aankopen.Contracts.Finance.V1;

namespace Aankopen.FinanceConnector;

public static class FinanceConsumers
{
    /// <summary>One consumer for each message type of the contract: a type added there is consumed here too.</summary>
    public static readonly Type[] Types = [.. FinanceRouting.MessageTypes.Select(t => typeof(FinanceConsumer<>).MakeGenericType(t))];
}
