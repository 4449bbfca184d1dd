using Aankopen.Contracts.Api.V1;
using Aankopen.Edge.Http;
using Aankopen.Messaging;
using Aankopen.Store.Administrations;
using Aankopen.Store.Notifications.Deliveries;
using Aankopen.Store.Notifications.Parking;
using Aankopen.Worker.Notifications;
using Marten;
using MassTransit;

namespace Aankopen.Worker.Operations;

/// <summary>
/// Finance messages the relay parked (<see cref="ParkedFinanceMessage"/>): the operator sees them, fixes the cause (a
/// queue deleted by hand, a broker policy) and re-sends them, in the order the relay would have sent them.
/// </summary>
public static class ParkedMessageEndpoints
{
    public static RouteGroupBuilder MapParkedMessages(this RouteGroupBuilder operations)
    {
        operations.MapGet("/parked", ListAsync).WithName("ListParkedMessages")
            .WithSummary("Finance messages the relay parked because the broker refused them, oldest first, and those waiting behind them")
            .Produces<ParkedMessageView[]>();
        operations.MapPost("/parked/{administration}/resend", ResendAsync).WithName("ResendParkedMessages")
            .WithSummary("Declares the administration's queues again and sends its parked messages in order; each is removed once the broker has it")
            .Produces<ResendView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(503);
        return operations;
    }

    private static async Task<ParkedMessageView[]> ListAsync(IQuerySession session, CancellationToken ct) =>
        (await ParkedFinanceMessage.InOrder(session.Query<ParkedFinanceMessage>()).ToListAsync(ct)).Select(p => p.ToView()).ToArray();

    private static async Task<IResult> ResendAsync(
        string administration, HttpContext http, IDocumentSession session, FinanceMessagePublisher publisher, FinanceQueues queues, TimeProvider clock,
        ILogger<ResendLog> log, CancellationToken ct)
    {
        var tenant = session.TenantId;
        // One re-send of an administration at a time, across every replica: two interleaved would put its tenders'
        // messages out of order. A transaction's advisory lock: released when the transaction ends, here or with the
        // connection should this process die.
        await using var lockConnection = session.DocumentStore.Storage.Database.CreateConnection();
        await lockConnection.OpenAsync(ct);
        await using var lockTransaction = await lockConnection.BeginTransactionAsync(ct);
        if (!await TryLockAsync(lockConnection, $"aankopen.resend/{tenant}/{administration}", ct))
            return Problems.Single(http, StatusCodes.Status409Conflict, "resend-running", administration);
        // Read under the lock: a re-send that ran just before has removed what it sent.
        var parked = await ParkedFinanceMessage.InOrder(session.Query<ParkedFinanceMessage>().Where(p => p.Administration == administration)).ToListAsync(ct);
        if (parked.Count == 0 && await session.LoadAsync<AdministrationRecord>(administration, ct) is null)
            return Problems.AdministrationNotFound(http, administration);
        var sent = 0;
        try
        {
            await queues.DeclareAsync(tenant, administration, ct);
            foreach (var p in parked)
            {
                var message = p.Message();
                await publisher.PublishAsync(message, ct);
                // Removed once the broker has it: a crash in between sends it again, which its business key absorbs.
                session.Delete(p);
                session.Store(PublishedFinanceMessage.Of(message, clock.GetUtcNow()));
                await session.SaveChangesAsync(ct);
                sent++;
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Re-sending the parked messages of {Tenant}/{Administration} stopped after {Sent}: {Reason}", tenant, administration, sent, e.Message);
            return Problems.Single(http, StatusCodes.Status503ServiceUnavailable, "resend-refused", sent, parked.Count, administration, e.Message);
        }
        log.LogInformation("{User} re-sent {Count} parked finance messages of {Tenant}/{Administration}", http.User.Identity?.Name, sent, tenant, administration);
        // Usually none; more when the relay parked a further one of the same streams meanwhile: re-send again.
        var still = await session.Query<ParkedFinanceMessage>().CountAsync(p => p.Administration == administration, ct);
        return TypedResults.Ok(new ResendView(tenant, administration, sent, still));
    }

    private static async Task<bool> TryLockAsync(Npgsql.NpgsqlConnection connection, string name, CancellationToken ct)
    {
        await using var command = new Npgsql.NpgsqlCommand("select pg_try_advisory_xact_lock(hashtextextended($1, 0))", connection) { Parameters = { new() { Value = name } } };
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The logger's category.</summary>
    public sealed class ResendLog;
}
