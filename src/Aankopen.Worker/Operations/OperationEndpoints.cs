using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Messaging;
using Aankopen.Store.Tenders.ReadModels;
using JasperFx.Events.Daemon;
using Marten;

namespace Aankopen.Worker.Operations;

/// <summary>
/// The operator's work, for the <c>aankopen</c> command line and scripts: failed finance messages and their replay,
/// rebuilding the read models, and the configuration check. Operator role only; the operator's token names the
/// tenant whose error queues are meant.
/// </summary>
public static class OperationEndpoints
{
    public static IEndpointRouteBuilder MapOperationEndpoints(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup("/api/operations").WithTags("Operations").RequireAuthorization(Policies.Operates);
        operations.MapGet("/deliveries/{administration}/failed", FailedAsync).WithName("ListFailedMessages")
            .WithSummary("Finance messages of an administration that failed their last retry and wait in its error queues")
            .Produces<FailedMessageView[]>().ProducesProblem(404).ProducesProblem(503);
        operations.MapPost("/deliveries/{administration}/failed/replay", ReplayAsync).WithName("ReplayFailedMessages")
            .WithSummary("Moves them back to the queues they came from, once the cause is fixed; the finance system still books each once")
            .Produces<ReplayView>().ProducesProblem(404).ProducesProblem(503);
        operations.MapParkedMessages();
        operations.MapPost("/projections/rebuild", RebuildAsync).WithName("RebuildProjections")
            .WithSummary("Rebuilds every read model from the events, in the process that runs the daemon")
            .Produces<RebuildView>().ProducesProblem(409);
        operations.MapGet("/configuration", (ConfigurationCheck check, CancellationToken ct) => check.RunAsync(ct)).WithName("CheckConfiguration")
            .WithSummary("Checks the database and schema, identity provider, broker, connectors and telemetry, naming the setting to look at")
            .Produces<ConfigurationCheckView>();
        return app;
    }

    private static async Task<IResult> FailedAsync(string administration, HttpContext http, RabbitMqSettings rabbit, Edge.Tenancy.Tenants tenants, CancellationToken ct)
    {
        if (Unknown(http, tenants, administration) is { } notFound)
            return notFound;
        var failed = await ErrorQueue.ListAsync(rabbit, UserScopes.TenantOf(http), administration, ct);
        return TypedResults.Ok(failed.Select(f => new FailedMessageView(f.MessageId, f.MessageType, f.Reason, f.FailedAt, f.Queue)).ToArray());
    }

    private static async Task<IResult> ReplayAsync(string administration, HttpContext http, RabbitMqSettings rabbit, Edge.Tenancy.Tenants tenants, ILogger<ConfigurationCheck> log, CancellationToken ct)
    {
        if (Unknown(http, tenants, administration) is { } notFound)
            return notFound;
        var tenant = UserScopes.TenantOf(http);
        var moved = await ErrorQueue.ReplayAsync(rabbit, tenant, administration, ct);
        log.LogInformation("{User} replayed {Count} failed finance messages of {Tenant}/{Administration}", http.User.Identity?.Name, moved, tenant, administration);
        return TypedResults.Ok(new ReplayView(tenant, administration, moved));
    }

    private static async Task<IResult> RebuildAsync(HttpContext http, IServiceProvider services, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var daemon = services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        // Only the elected process runs the shards: a rebuild elsewhere could not stop the participations shard
        // the leader keeps running, and would write older participations over its newer ones.
        if (!daemon.CurrentAgents().Any(a => a.Status == JasperFx.AgentStatus.Running))
            return Problems.From(http, [DomainError.Conflict("not-the-leader")]);
        await ProjectionRebuild.RebuildAllAsync(store, daemon, ct);
        await using var session = store.QuerySession(UserScopes.TenantOf(http));
        return TypedResults.Ok(new RebuildView(ProjectionRebuild.Projections.Select(p => p.Name).ToArray(),
            await session.Query<TenderRecord>().Where(t => t.AnyTenant()).CountAsync(ct),
            await session.Query<Participation>().Where(p => p.AnyTenant()).CountAsync(ct), clock.GetUtcNow()));
    }

    private static IResult? Unknown(HttpContext http, Edge.Tenancy.Tenants tenants, string administration) =>
        tenants.AdministrationsOf(UserScopes.TenantOf(http)).All.Any(a => a.Code == administration)
            ? null
            : Problems.AdministrationNotFound(http, administration);
}
