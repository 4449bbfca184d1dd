using Aankopen.Contracts.Finance.V1;
using MassTransit;

namespace Aankopen.Messaging;

public static class FinanceTopology
{
    public static void UseHost(this IRabbitMqBusFactoryConfigurator cfg, RabbitMqSettings settings) =>
        cfg.Host(settings.Host, settings.Port, settings.VirtualHost, h =>
        {
            h.Username(settings.Username);
            h.Password(settings.Password);
        });

    /// <summary>
    /// The publisher's side: a durable direct exchange routed by administration code. The publisher also declares
    /// and binds every administration's queue, so a message published before that administration's connector has
    /// ever run waits in its queue instead of being dropped by the broker as unroutable.
    /// </summary>
    public static void ConfigureFinancePublishing(this IRabbitMqBusFactoryConfigurator cfg, IEnumerable<string> administrationCodes)
    {
        cfg.Message<LotAwardedShare>(m => m.SetEntityName(FinanceRouting.LotAwardedExchange));
        cfg.Send<LotAwardedShare>(s => s.UseRoutingKeyFormatter(ctx => FinanceRouting.RoutingKeyFor(ctx.Message.AdministrationCode)));
        cfg.Publish<LotAwardedShare>(p =>
        {
            p.ExchangeType = "direct";
            p.Durable = true;
            foreach (var code in administrationCodes)
                p.BindQueue(FinanceRouting.LotAwardedExchange, FinanceRouting.QueueFor(code), q =>
                {
                    q.ExchangeType = "direct";
                    q.RoutingKey = FinanceRouting.RoutingKeyFor(code);
                });
        });
    }

    /// <summary>
    /// The connector's side: its own queue, bound to the exchange with its own administration code only. Consume
    /// topology is off so MassTransit does not add a catch-all binding that would bring other administrations' messages.
    /// </summary>
    public static void BindFinanceQueue(this IRabbitMqReceiveEndpointConfigurator endpoint, string administrationCode)
    {
        endpoint.ConfigureConsumeTopology = false;
        endpoint.Bind(FinanceRouting.LotAwardedExchange, b =>
        {
            b.ExchangeType = "direct";
            b.RoutingKey = FinanceRouting.RoutingKeyFor(administrationCode);
        });
    }
}
