using Aankopen.Messaging;

namespace Aankopen.Worker.Notifications;

/// <summary>
/// Declares every configured administration's queues once at start, in the background, so that an operator sees
/// them (and messages wait in them) before the first message to each. Not on MassTransit's bus: the bus would declare
/// them again at each of its reconnections, thousands of them for a regional deployment, and would not be connected
/// before they all were. The relay does not depend on it: it declares an administration's queues before its first
/// message in this process anyway (<see cref="FinanceQueues.EnsureAsync"/>).
/// </summary>
public sealed class FinanceQueueDeclaration(FinanceQueues queues, Edge.Tenancy.Tenants tenants, ILogger<FinanceQueueDeclaration> log) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new Queue<(string Tenant, string Code)>(tenants.Ids.SelectMany(t => tenants.AdministrationsOf(t).All.Select(a => (t, a.Code))));
        var total = pending.Count;
        while (pending.TryPeek(out var next) && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queues.EnsureAsync(next.Tenant, next.Code, stoppingToken);
                pending.Dequeue();
            }
            catch (Exception e) when (FinanceQueues.IsRefusal(e))
            {
                // Refused for good (a queue of that name exists with other arguments): trying again changes nothing.
                // The relay meets the same refusal and parks that administration's messages, where the operator sees them.
                log.LogError("RabbitMQ refuses the finance queues of {Tenant}/{Administration}: {Reason}", next.Tenant, next.Code, e.Message);
                pending.Dequeue();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The broker is away (or refuses for now): the relay holds messages meanwhile; try again from here.
                log.LogWarning("Declaring the finance queues of {Tenant}/{Administration} failed ({Reason}); {Left} of {Total} administrations left, trying again in {Seconds} s.",
                    next.Tenant, next.Code, e.Message, pending.Count, total, RetryAfter.TotalSeconds);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
        if (pending.Count == 0)
            log.LogInformation("The finance queues of {Total} configured administrations are declared.", total);
    }
}
