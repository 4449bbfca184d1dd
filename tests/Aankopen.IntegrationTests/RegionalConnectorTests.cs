using System.Text.Json;
using Aankopen.Contracts.Finance.V1;
using Aankopen.FinanceConnector;
using Aankopen.FinanceSimulator;
using Aankopen.Messaging;
using Shouldly;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Connectors at a regional provider's scale: one process for many administrations read from a registry, replicas
/// that share them and take over from each other, and awards that never wait behind reservations. Each test has a
/// tenant of its own, so its queues and bookings are its own.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class RegionalConnectorTests(RunningSystem system) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string folder = Directory.CreateTempSubdirectory("aankopen-registry-").FullName;
    private readonly string tenant = $"regio-{Guid.NewGuid():N}"[..16];

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task One_connector_books_for_every_administration_of_its_registry_with_its_own_token_and_a_silent_one_holds_back_no_other()
    {
        var (first, second, third, silent) = (Code(), Code(), Code(), Code());
        // The second's finance system asks for a token, which only the secret the registry names holds.
        system.Ledgers.For(second).RequiredToken = "token-of-the-second";
        await File.WriteAllTextAsync(Path.Combine(folder, "second-token"), "token-of-the-second\n", Ct);
        system.Ledgers.For(silent).Faults.Set(new FaultRequest(FaultMode.Timeout, DelaySeconds: 30));
        try
        {
            var registry = WriteRegistry((first, null), (second, "second-token"), (third, null), (silent, null));
            await using var relay = await TestBus.StartAsync([(tenant, first), (tenant, second), (tenant, third), (tenant, silent)]);
            // The silent one's first: whatever it holds up, it holds up for itself alone.
            foreach (var code in new[] { silent, first, second, third })
                for (var tender = 0; tender < 3; tender++)
                    await relay.Bus.Publish(Award(code), Ct);
            await StartConnectorAsync(registry);

            foreach (var code in new[] { first, second, third })
                await system.EventuallyAsync(() => Task.FromResult(system.Ledgers.For(code).Commitments.All.Count), n => n == 3, TimeSpan.FromSeconds(15));
            system.Ledgers.For(silent).Commitments.All.ShouldBeEmpty();
            system.Ledgers.For(second).Rejections.ShouldBeEmpty();
        }
        finally
        {
            system.Ledgers.For(silent).Faults.Set(new FaultRequest(FaultMode.None));
        }
        // Nothing of the silent one's was lost meanwhile.
        await system.EventuallyAsync(() => Task.FromResult(system.Ledgers.For(silent).Commitments.All.Count), n => n == 3, TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task An_administration_added_to_the_registry_is_served_without_a_restart_one_removed_is_let_go_and_a_broken_edit_changes_nothing()
    {
        var (kept, added) = (Code(), Code());
        await using var relay = await TestBus.StartAsync([(tenant, kept), (tenant, added)]);
        var registry = WriteRegistry((kept, null));
        await StartConnectorAsync(registry);
        await relay.Bus.Publish(Award(kept), Ct);
        await BookedAsync(kept, 1);

        WriteRegistry((kept, null), (added, null));
        await relay.Bus.Publish(Award(added), Ct);
        await BookedAsync(added, 1);

        WriteRegistry((added, null));
        var rabbit = new RabbitMqSettings { Port = ushort.Parse(TestServers.RabbitMqPort) };
        await system.EventuallyAsync(async () => (await ErrorQueue.AttendanceAsync(rabbit, tenant, kept, Ct)).Consumers, n => n == 0);

        await File.WriteAllTextAsync(registry, """{ "administrations": [ { "administration": "no good" """, Ct);
        await relay.Bus.Publish(Award(added), Ct);
        await BookedAsync(added, 2);
        (await ErrorQueue.AttendanceAsync(rabbit, tenant, added, Ct)).Consumers.ShouldBe(2);
    }

    [Fact]
    public async Task An_administration_whose_queue_the_broker_refuses_is_named_on_the_health_check_and_served_once_the_queue_is_fixed()
    {
        var (refused, fine) = (Code(), Code());
        // A classic queue left under the name of the refused one's commitments queue, as an operator might by hand.
        var rabbit = new RabbitMqSettings { Port = ushort.Parse(TestServers.RabbitMqPort) };
        var stray = FinanceRouting.QueueFor(tenant, refused, FinanceLane.Commitments);
        await using (var connection = await BrokerConnections.OpenAsync(rabbit, Ct))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Ct))
            await channel.QueueDeclareAsync(stray, durable: true, exclusive: false, autoDelete: false, cancellationToken: Ct);
        var connector = await StartConnectorAsync(WriteRegistry((refused, null), (fine, null)));

        var health = await system.EventuallyAsync(() => CheckAsync(connector, "queues"), h => h.StartsWith("Degraded", StringComparison.Ordinal));
        health.ShouldContain(refused);
        health.ShouldNotContain(fine);
        await using (var relay = await TestBus.StartAsync([(tenant, fine)]))
            await relay.Bus.Publish(Award(fine), Ct);
        await BookedAsync(fine, 1);

        await using (var connection = await BrokerConnections.OpenAsync(rabbit, Ct))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Ct))
            await channel.QueueDeleteAsync(stray, ifUnused: false, ifEmpty: false, cancellationToken: Ct);
        await system.EventuallyAsync(() => CheckAsync(connector, "queues"), h => h.StartsWith("Healthy", StringComparison.Ordinal));
        await PublishAndBookAsync([refused], 1);
    }

    [Fact]
    public async Task Two_replicas_share_the_administrations_and_one_takes_over_those_of_the_other_until_it_is_back()
    {
        // Four administrations belonging to each replica.
        var codes = OwnedBy(2, _ => 4);
        var registry = WriteRegistry([.. codes.Select(c => (c, (string?)null))]);
        await using var relay = await TestBus.StartAsync(codes.Select(c => (tenant, c)));
        var zero = Assignments(await StartConnectorAsync(registry, "--Connector:Replicas=2", "--Connector:Replica=aankopen-connector-0"));
        var one = await StartConnectorAsync(registry, "--Connector:Replicas=2", "--Connector:Replica=aankopen-connector-1");
        await system.EventuallyAsync(() => Task.FromResult((zero.Subscribed, Assignments(one).Subscribed)), n => n == (4, 4));
        await PublishAndBookAsync(codes, 1);

        await one.StopAsync(Ct);
        await system.EventuallyAsync(() => Task.FromResult(zero.Subscribed), n => n == 8, TimeSpan.FromSeconds(10));
        await PublishAndBookAsync(codes, 2);

        var back = await StartConnectorAsync(registry, "--Connector:Replicas=2", "--Connector:Replica=1");
        await system.EventuallyAsync(() => Task.FromResult((zero.Subscribed, Assignments(back).Subscribed)), n => n == (4, 4));
        await PublishAndBookAsync(codes, 3);
    }

    [Fact]
    public async Task A_replica_starting_before_the_others_takes_only_its_own_until_the_arrival_wait_is_over()
    {
        var codes = OwnedBy(2, _ => 3);
        var registry = WriteRegistry([.. codes.Select(c => (c, (string?)null))]);
        await using var relay = await TestBus.StartAsync(codes.Select(c => (tenant, c)));
        var zero = Assignments(await StartConnectorAsync(registry, "--Connector:Replicas=2", "--Connector:Replica=0", "--Connector:ArrivalSeconds=8"));
        await system.EventuallyAsync(() => Task.FromResult(zero.Subscribed), n => n == 3);
        // Many rounds (0.3 s each) with replica 1 absent: still only its own, replica 1 may be on its way.
        var most = zero.Subscribed;
        for (var look = System.Diagnostics.Stopwatch.StartNew(); look.Elapsed < TimeSpan.FromSeconds(2);)
        {
            most = Math.Max(most, zero.Subscribed);
            await Task.Delay(50, Ct);
        }
        most.ShouldBe(3, "replica 0 took replica 1's administrations before it had a chance to arrive");

        // Replica 1 never came: its administrations get their stand-in once the wait is over.
        await system.EventuallyAsync(() => Task.FromResult(zero.Subscribed), n => n == 6, TimeSpan.FromSeconds(15));
        await PublishAndBookAsync(codes, 1);
        // And when it arrives late after all, it gets them back.
        var one = Assignments(await StartConnectorAsync(registry, "--Connector:Replicas=2", "--Connector:Replica=1"));
        await system.EventuallyAsync(() => Task.FromResult((zero.Subscribed, one.Subscribed)), n => n == (3, 3));
        await PublishAndBookAsync(codes, 2);
    }

    [Fact]
    public async Task A_replica_restarting_while_another_is_away_leaves_the_stand_ins_where_they_are_until_its_wait_is_over()
    {
        // Replica 1 is away for good; replicas 0 and 2 stand in for it. Then replica 2 restarts.
        var codes = OwnedBy(3, replica => replica == 1 ? 12 : 2);
        var orphans = codes.Where(c => QueueAssignments.OwnerOf(tenant, c, 3) == 1).ToArray();
        var registry = WriteRegistry([.. codes.Select(c => (c, (string?)null))]);
        await using var relay = await TestBus.StartAsync(codes.Select(c => (tenant, c)));
        var zero = Assignments(await StartConnectorAsync(registry, "--Connector:Replicas=3", "--Connector:Replica=0"));
        var two = await StartConnectorAsync(registry, "--Connector:Replicas=3", "--Connector:Replica=2");
        await system.EventuallyAsync(() => Task.FromResult(zero.Subscribed + Assignments(two).Subscribed), n => n == codes.Length);
        await two.StopAsync(Ct);
        await system.EventuallyAsync(() => Task.FromResult(zero.Subscribed), n => n == codes.Length, TimeSpan.FromSeconds(10));

        // The new replica 2 takes its own at once, and none of replica 1's until it has waited: replica 0 keeps them all
        // meanwhile, so that every one of them is booked long before the wait is over.
        var again = Assignments(await StartConnectorAsync(registry, "--Connector:Replicas=3", "--Connector:Replica=2", "--Connector:ArrivalSeconds=20"));
        await system.EventuallyAsync(() => Task.FromResult(again.Subscribed), n => n == 2);
        zero.Subscribed.ShouldBe(codes.Length - 2);
        await PublishAndBookAsync(orphans, 1);
        again.Subscribed.ShouldBe(2, "the new replica 2 stood in before its wait was over");
    }

    [Fact]
    public async Task A_replica_number_held_by_another_connector_is_said_on_the_health_check_and_taken_over_once_that_one_stops()
    {
        var codes = OwnedBy(2, _ => 2);
        var registry = WriteRegistry([.. codes.Select(c => (c, (string?)null))]);
        await using var relay = await TestBus.StartAsync(codes.Select(c => (tenant, c)));
        var first = await StartConnectorAsync(registry, "--Connector:Replicas=2", "--Connector:Replica=1");
        await system.EventuallyAsync(() => Task.FromResult(Assignments(first).Subscribed), n => n == 4);
        // The same number again, as a copy-pasted deployment would: it serves its own, stands in for nobody.
        var twin = await StartConnectorAsync(registry, "--Connector:Replicas=2", "--Connector:Replica=1");
        await system.EventuallyAsync(() => ReplicaHealthAsync(twin), h => h.Contains("Degraded") && h.Contains("replica 1"));
        await system.EventuallyAsync(() => Task.FromResult(Assignments(twin).Subscribed), n => n == 2);
        // Several rounds later still its own two only: it never took the first one's absence for granted.
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        Assignments(twin).Subscribed.ShouldBe(2);
        (await ReplicaHealthAsync(first)).ShouldContain("Healthy");
        // The same number in another group is another replica altogether.
        var elsewhere = await StartConnectorAsync(registry, "--Connector:Replicas=2", "--Connector:Replica=1", $"--Connector:Group={tenant}-b");
        await system.EventuallyAsync(() => ReplicaHealthAsync(elsewhere), h => h.StartsWith("Healthy", StringComparison.Ordinal));
        await elsewhere.StopAsync(Ct);

        await first.StopAsync(Ct);
        await system.EventuallyAsync(() => ReplicaHealthAsync(twin), h => h.Contains("Healthy"), TimeSpan.FromSeconds(10));
        await system.EventuallyAsync(() => Task.FromResult(Assignments(twin).Subscribed), n => n == 4, TimeSpan.FromSeconds(10));
        await PublishAndBookAsync(codes, 1);
    }

    [Fact]
    public async Task A_connector_running_alone_holds_no_presence_queue()
    {
        // The suite's own connectors run alone (one replica each) in the default group.
        var rabbit = new RabbitMqSettings { Port = ushort.Parse(TestServers.RabbitMqPort) };
        await using var connection = await BrokerConnections.OpenAsync(rabbit, Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var missing = await Should.ThrowAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(
            () => channel.QueueDeclarePassiveAsync(ReplicaPresence.QueueOf("default", 0), Ct));
        missing.ShutdownReason!.ReplyCode.ShouldBe((ushort)404);
        var (_, report) = await HealthTests.ReadyAsync(system.Connectors["OCMW"]);
        HealthTests.StatusOf(report, "replica").ShouldBe("Healthy");
    }

    [Fact]
    public async Task A_stopped_replicas_administrations_each_get_one_stand_in_among_the_others()
    {
        // Three administrations belonging to each of replicas 0 and 1, eight to replica 2.
        var codes = OwnedBy(3, replica => replica == 2 ? 8 : 3);
        var orphans = codes.Where(c => QueueAssignments.OwnerOf(tenant, c, 3) == 2).ToArray();
        var registry = WriteRegistry([.. codes.Select(c => (c, (string?)null))]);
        await using var relay = await TestBus.StartAsync(codes.Select(c => (tenant, c)));
        var zero = Assignments(await StartConnectorAsync(registry, "--Connector:Replicas=3", "--Connector:Replica=0"));
        var one = Assignments(await StartConnectorAsync(registry, "--Connector:Replicas=3", "--Connector:Replica=1"));
        var two = await StartConnectorAsync(registry, "--Connector:Replicas=3", "--Connector:Replica=2");
        await system.EventuallyAsync(() => Task.FromResult($"{zero.Subscribed} {one.Subscribed} {Assignments(two).Subscribed}"), n => n == "3 3 8");

        await two.StopAsync(Ct);
        var toZero = orphans.Count(c => QueueAssignments.SuccessorOf(tenant, c, [0, 1]) == 0);
        await system.EventuallyAsync(() => Task.FromResult((zero.Subscribed, one.Subscribed)), n => n == (3 + toZero, 3 + 8 - toZero), TimeSpan.FromSeconds(10));
        var rabbit = new RabbitMqSettings { Port = ushort.Parse(TestServers.RabbitMqPort) };
        foreach (var code in orphans)
            (await ErrorQueue.AttendanceAsync(rabbit, tenant, code, Ct)).Consumers.ShouldBe(2, $"{code}: one consumer on each of its two queues");
        await PublishAndBookAsync(codes, 1);
    }

    [Fact]
    public async Task An_award_is_booked_ahead_of_a_backlog_of_reservations_which_then_change_nothing()
    {
        var code = Code();
        var tenderId = Guid.CreateVersion7();
        await using var relay = await TestBus.StartAsync();
        // As the relay does before its first message to an administration: the bus binds queues only with the first award.
        await new FinanceQueues(new RabbitMqSettings { Port = ushort.Parse(TestServers.RabbitMqPort) }).DeclareAsync(tenant, code, Ct);
        // Every opt-in change of a busy week, queued before the award, all of the same tender and lot as the award.
        const int Reservations = 1_500;
        for (var batch = 0; batch < Reservations / 100; batch++)
            await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => relay.Bus.Publish(Reservation(code, tenderId), Ct)));
        await relay.Bus.Publish(Award(code, tenderId), Ct);
        await StartConnectorAsync(WriteRegistry((code, null)));

        var ledger = system.Ledgers.For(code);
        await BookedAsync(code, 1);
        var reservedBefore = ledger.Reservations.All.Count;
        reservedBefore.ShouldBeLessThan(Reservations / 2, "the award waited behind the reservations");

        var reservations = await system.EventuallyAsync(() => Task.FromResult(ledger.Reservations.All), r => r.Count == Reservations, TimeSpan.FromSeconds(60));
        // Those booked after the award are kept but change nothing (the few before it were booked as usual).
        reservations.Skip(reservedBefore).ShouldAllBe(r => r.Superseded);
    }

    private static string Code() => $"R-{Guid.NewGuid():N}"[..14].ToUpperInvariant();

    /// <summary>New administrations, as many belonging to each of <paramref name="replicas"/> replicas as <paramref name="each"/> says, in replica order.</summary>
    private string[] OwnedBy(int replicas, Func<int, int> each) =>
        [.. Enumerable.Range(0, 100 * replicas).Select(_ => Code()).GroupBy(c => QueueAssignments.OwnerOf(tenant, c, replicas))
            .OrderBy(g => g.Key).SelectMany(g => g.Take(each(g.Key)))];

    private static QueueAssignments Assignments(IHost connector) => connector.Services.GetRequiredService<QueueAssignments>();

    private static Task<string> ReplicaHealthAsync(IHost connector) => CheckAsync(connector, "replica");

    /// <summary>One check of the connector's <c>/health/ready</c>, as a platform reads it: its status and description.</summary>
    private static async Task<string> CheckAsync(IHost connector, string check)
    {
        using var http = new HttpClient { BaseAddress = RunningSystem.AddressOf(connector) };
        var (_, report) = await HealthTests.ReadyAsync(http);
        var result = report.GetProperty("checks").GetProperty(check);
        return $"{result.GetProperty("status").GetString()}: {result.GetProperty("description").GetString()}";
    }

    private async Task PublishAndBookAsync(IEnumerable<string> codes, int count)
    {
        await using var relay = await TestBus.StartAsync();
        foreach (var code in codes)
            await relay.Bus.Publish(Award(code), Ct);
        foreach (var code in codes)
            await BookedAsync(code, count);
    }

    private Task BookedAsync(string code, int count) =>
        system.EventuallyAsync(() => Task.FromResult(system.Ledgers.For(code).Commitments.All.Count), n => n == count, TimeSpan.FromSeconds(15));

    /// <summary>Written whole and moved into place, as Kubernetes swaps a ConfigMap, so the connector never reads half a file.</summary>
    private string WriteRegistry(params (string Code, string? Credential)[] entries)
    {
        var path = Path.Combine(folder, "registry.json");
        File.WriteAllText(path + ".new", JsonSerializer.Serialize(new
        {
            administrations = entries.Select(e => new
            {
                tenant,
                administration = e.Code,
                financeSystem = $"{system.Simulator.BaseAddress}systems/{e.Code}",
                credential = e.Credential,
            }),
        }));
        File.Move(path + ".new", path, overwrite: true);
        return path;
    }

    private async Task<IHost> StartConnectorAsync(string registry, params string[] more)
    {
        var connector = system.DisposeAtEnd(Aankopen.FinanceConnector.Program.Build([
            $"--Connector:Registry={registry}", $"--Connector:SecretsDirectory={folder}", "--Connector:AssignmentSeconds=0.3", $"--Connector:Group={tenant}",
            // Short, so that a test's replica stands in soon for one that never comes; the one test of the wait sets its own.
            "--Connector:ArrivalSeconds=2",
            $"--RabbitMq:Port={TestServers.RabbitMqPort}", .. RunningSystem.ConnectorTuning, .. more]));
        await connector.StartAsync(Ct);
        return connector;
    }

    private LotAwardedShare Award(string code, Guid? tenderId = null) => Samples.SampleFinanceMessages.Award(tenant, code, tenderId);

    private ProvisionalReservation Reservation(string code, Guid tenderId) => Samples.SampleFinanceMessages.Reservation(tenant, code, tenderId);
}
