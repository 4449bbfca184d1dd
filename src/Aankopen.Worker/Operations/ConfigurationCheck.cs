using Aankopen.Contracts.Api.V1;
using Aankopen.Edge.Security;
using Aankopen.Messaging;
using Aankopen.Store.Infrastructure;
using Marten;
using RabbitMQ.Client;
using Weasel.Core;

namespace Aankopen.Worker.Operations;

/// <summary>
/// What an operator checks after a deployment or a change of settings, from inside the running service, each
/// with the setting to look at: the database and its schema, the identity provider, the broker, a connector
/// consuming every administration's queues, where telemetry goes. Starting already refuses settings of the wrong
/// form; this finds settings of the right form that point at the wrong place.
/// </summary>
public sealed class ConfigurationCheck(
    IDocumentStore store, AuthenticationSettings authentication, RabbitMqSettings rabbit, Edge.Tenancy.Tenants tenants,
    Observability.TelemetrySettings telemetry, IHttpClientFactory http)
{
    private const string Ok = "ok", Warning = "warning", Problem = "problem";

    public async Task<ConfigurationCheckView> RunAsync(CancellationToken ct)
    {
        var checks = new List<ConfigurationCheckItem>();
        checks.AddRange(await DatabaseAsync(ct));
        checks.Add(await IdentityProviderAsync(ct));
        checks.AddRange(await ConnectorsAsync(ct));
        checks.Add(new("daemon", Ok, "This worker stands for election to run the daemon (read models, the finance relay) and runs the deadline and renewal schedulers. Run two or more workers: one leads, another takes over."));
        checks.Add(telemetry.OtlpEndpoint is { } otlp
            ? new("telemetry", Ok, $"Traces and metrics go to {otlp}; metrics can also be scraped from /metrics.", "Telemetry:OtlpEndpoint")
            : new("telemetry", Ok, "No OTLP endpoint: traces stay in the process; metrics can be scraped from /metrics.", "Telemetry:OtlpEndpoint"));
        var status = checks.Any(c => c.Status == Problem) ? Problem : checks.Any(c => c.Status == Warning) ? Warning : Ok;
        return new ConfigurationCheckView(status, checks);
    }

    private async Task<IEnumerable<ConfigurationCheckItem>> DatabaseAsync(CancellationToken ct)
    {
        try
        {
            var pending = await SchemaMigrations.PendingAsync(store, ct);
            return
            [
                new("postgresql", Ok, "PostgreSQL answers.", "ConnectionStrings:Aankopen"),
                pending == SchemaPatchDifference.None
                    ? new("schema", Ok, "The schema matches this version.", SchemaMigrations.Setting)
                    : new("schema", Warning, $"The schema is behind this version ({pending}): run 'Aankopen.Worker migrate'.", SchemaMigrations.Setting),
            ];
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return [new("postgresql", Problem, $"PostgreSQL does not answer: {e.Message}", "ConnectionStrings:Aankopen")];
        }
    }

    private async Task<ConfigurationCheckItem> IdentityProviderAsync(CancellationToken ct)
    {
        var metadata = new Uri(authentication.Authority.ToString().TrimEnd('/') + "/.well-known/openid-configuration");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await http.CreateClient().GetAsync(metadata, timeout.Token);
            return response.IsSuccessStatusCode
                ? new("identity-provider", Ok, $"{authentication.Authority} publishes its keys; tokens must be for audience '{authentication.Audience}'.", "Authentication:Authority")
                : new("identity-provider", Problem, $"{metadata} answered HTTP {(int)response.StatusCode}: no one can sign in.", "Authentication:Authority");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new("identity-provider", Problem, $"{metadata} cannot be reached ({e.Message}): no one can sign in.", "Authentication:Authority");
        }
    }

    private async Task<IEnumerable<ConfigurationCheckItem>> ConnectorsAsync(CancellationToken ct)
    {
        var found = new List<ConfigurationCheckItem>();
        // One connection for every administration: thousands of connections opened in a row are slow and can stall.
        IConnection connection;
        try
        {
            connection = await BrokerConnections.OpenAsync(rabbit, ct);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or System.Net.Sockets.SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return [Unreachable(e)];
        }
        await using var _ = connection;
        foreach (var tenant in tenants.Ids.Order())
            foreach (var administration in tenants.AdministrationsOf(tenant).All.OrderBy(a => a.Code))
            {
                var name = $"connector {tenant}/{administration.Code}";
                try
                {
                    var (consumers, waiting, queues) = await ErrorQueue.AttendanceAsync(connection, tenant, administration.Code, ct);
                    found.Add(consumers > 0
                        ? new(name, Ok, $"{consumers} consumers on {queues} queues; {waiting} messages waiting.")
                        : new(name, Warning,
                            $"No connector consumes {administration.Code}'s queues ({waiting} messages waiting): its finance system books nothing. List it in a connector's registry (Connector:Registry, tenant {tenant}) with its finance system's address, or start a connector with Connector:Administration={administration.Code} and Connector:Tenant={tenant}.",
                            "Connector:Administration"));
                }
                catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
                {
                    return [Unreachable(e)];
                }
            }
        return [new("rabbitmq", Ok, $"RabbitMQ at {rabbit} answers.", "RabbitMq:Host"), .. found];
    }

    private ConfigurationCheckItem Unreachable(Exception e) => new("rabbitmq", Problem, $"RabbitMQ at {rabbit} cannot be reached: {e.Message}", "RabbitMq:Host");
}
