using Aankopen.Contracts.Finance.V1;
using MassTransit;

namespace Aankopen.Messaging;

public static class FinanceTopology
{
    /// <summary>The broker, or with <see cref="RabbitMqSettings.Nodes"/> the cluster: MassTransit moves to another node when one goes down.</summary>
    public static void UseHost(this IRabbitMqBusFactoryConfigurator cfg, RabbitMqSettings settings)
    {
        var nodes = settings.Endpoints;
        cfg.Host(nodes[0].Host, (ushort)nodes[0].Port, settings.VirtualHost, h =>
        {
            h.Username(settings.Username);
            h.Password(settings.Password);
            if (nodes.Count > 1)
                h.UseCluster(c =>
                {
                    foreach (var (host, port) in nodes)
                        c.Node($"{host}:{port}");
                });
        });
    }

    /// <summary>
    /// The publisher's side: every finance message type goes to one durable direct exchange, routed by
    /// administration code and lane. The bus also declares and binds the queues of the administrations given (the worker gives
    /// none: it declares them through <see cref="FinanceQueues"/>), so a message published before that administration's
    /// connector has ever run waits in its queue instead of being dropped.
    /// </summary>
    public static void ConfigureFinancePublishing(this IRabbitMqBusFactoryConfigurator cfg, IEnumerable<(string Tenant, string Code)> administrations)
    {
        // The shared base record is for code, not for routing: no exchange of its own.
        cfg.Publish<FinanceMessage>(p => p.Exclude = true);
        cfg.Publish<TenderFinanceMessage>(p => p.Exclude = true);
        var codes = administrations.ToArray();
        cfg.Route<LotAwardedShare>(codes);
        cfg.Route<ProvisionalReservation>([]);
        cfg.Route<ReservationReleased>([]);
        cfg.Route<LotRenewedShare>([]);
        cfg.Route<RenewalDue>([]);
        cfg.Route<MembershipChanged>([]);
        cfg.Route<FrameworkShareAnnounced>([]);
        cfg.Route<OrderPlaced>([]);
        cfg.Message<DeliveryReport>(m => m.SetEntityName(DeliveryReport.Exchange));
        cfg.Publish<DeliveryReport>(p => p.ExchangeType = "fanout");
        cfg.Message<DeliveryReportBatch>(m => m.SetEntityName(DeliveryReport.Exchange));
        cfg.Publish<DeliveryReportBatch>(p => p.ExchangeType = "fanout");
    }

    private static void Route<T>(this IRabbitMqBusFactoryConfigurator cfg, (string Tenant, string Code)[] bindCodes) where T : FinanceMessage
    {
        cfg.Message<T>(m => m.SetEntityName(FinanceRouting.Exchange));
        cfg.Send<T>(s => s.UseRoutingKeyFormatter(ctx => FinanceRouting.RoutingKeyFor(ctx.Message)));
        cfg.Publish<T>(p =>
        {
            p.ExchangeType = "direct";
            p.Durable = true;
            foreach (var (tenant, code) in bindCodes)
                foreach (var lane in FinanceRouting.Lanes)
                {
                    var key = FinanceRouting.RoutingKeyFor(tenant, code, lane);
                    p.BindQueue(FinanceRouting.Exchange, FinanceRouting.QueueFor(tenant, code, lane), q =>
                    {
                        q.ExchangeType = "direct";
                        q.RoutingKey = key;
                        q.SetQuorumQueue();
                        q.SingleActiveConsumer = true;
                    });
                }
        });
    }

    /// <summary>
    /// The worker's side of delivery reports: one queue, fed by a fanout exchange every connector publishes to. A
    /// quorum queue: a classic one lives on one node, and with that node gone MassTransit kept failing to declare it,
    /// and with it the worker's whole connection, so that no finance message could be published until the node returned.
    /// </summary>
    public static void BindDeliveryReports(this IRabbitMqReceiveEndpointConfigurator endpoint)
    {
        endpoint.ConfigureConsumeTopology = false;
        endpoint.SetQuorumQueue();
        endpoint.Bind(DeliveryReport.Exchange, b => b.ExchangeType = "fanout");
    }

    /// <summary>
    /// The connector's side: one of an administration's quorum queues (replicated when RabbitMQ runs as a cluster), with a
    /// single active consumer. Consume topology is off so MassTransit does not add a catch-all binding that would bring
    /// other administrations' messages. The queue's binding to the finance exchange (its tenant, administration code
    /// and lane only) is <see cref="FinanceQueues"/>' to make, which the connector declares before it consumes: the same
    /// binding made again through an exchange of the queue's name cost two more broker calls per queue at every start.
    /// </summary>
    public static void BindFinanceQueue(this IRabbitMqReceiveEndpointConfigurator endpoint)
    {
        endpoint.ConfigureConsumeTopology = false;
        endpoint.SetQuorumQueue();
        endpoint.SingleActiveConsumer = true;
    }
}
