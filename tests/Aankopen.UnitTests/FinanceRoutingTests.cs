using Aankopen.Contracts.Finance.V1;
using Shouldly;

namespace Aankopen.UnitTests;

public sealed class FinanceRoutingTests
{
    private static TenderFinanceMessage Released(Guid tender) => new ReservationReleased
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = "c",
        AdministrationCode = "OCMW",
        Tenant = "molenbeek",
        TenderId = tender,
        TenderReference = "T-1",
        LotNumber = 1,
        LotTitle = "Maaltijdcheques",
        Reason = ReleaseReason.LotRemoved,
        BudgetLine = "0900/1",
        EffectiveOn = new DateOnly(2027, 1, 1),
        DecidedBy = "aankoopcel@jette.example",
        DecidedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Every_binding_message_goes_to_its_administrations_commitments_queue_and_reservations_to_their_own()
    {
        var release = Released(Guid.NewGuid());
        var reservation = (FinanceMessage)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(ProvisionalReservation));

        FinanceRouting.LaneOf(release).ShouldBe(FinanceLane.Commitments);
        FinanceRouting.LaneOf(reservation).ShouldBe(FinanceLane.Reservations);
        FinanceRouting.MessageTypes.Where(t => t != typeof(ProvisionalReservation))
            .Select(t => FinanceRouting.LaneOf((FinanceMessage)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)))
            .ShouldAllBe(lane => lane == FinanceLane.Commitments);
        FinanceRouting.RoutingKeyFor(release).ShouldBe("molenbeek.OCMW.commitments");
        FinanceRouting.QueueFor("molenbeek", "OCMW", FinanceLane.Reservations).ShouldBe("aankopen.finance.molenbeek.ocmw.reservations");
        FinanceRouting.ErrorQueueFor("default", "OCMW", FinanceLane.Commitments).ShouldBe("aankopen.finance.default.ocmw.commitments_error");
    }

    [Fact]
    public void Every_queue_is_a_quorum_queue_with_a_single_active_consumer()
    {
        FinanceRouting.QueueArguments["x-queue-type"].ShouldBe("quorum");
        FinanceRouting.QueueArguments["x-single-active-consumer"].ShouldBe(true);
    }

    [Fact]
    public void A_lane_outside_the_two_names_no_queue() =>
        Should.Throw<ArgumentOutOfRangeException>(() => FinanceRouting.QueueFor("default", "OCMW", (FinanceLane)2));

    [Theory]
    [InlineData("default", true)]
    [InlineData("molenbeek-2", true)]
    [InlineData("9e", true)]
    [InlineData("m", false)]
    [InlineData("-molenbeek", false)]
    [InlineData("Molenbeek", false)]
    [InlineData("molen.beek", false)]
    [InlineData("a123456789012345678901234567890123456789", true)]
    [InlineData("a1234567890123456789012345678901234567890", false)]
    public void A_tenant_id_is_fit_for_routing_keys_and_queue_names(string tenant, bool valid) =>
        FinanceRouting.IsValidTenant(tenant).ShouldBe(valid);
}

/// <summary>The connector's one table of finance-system calls covers every message type of the contract.</summary>
public sealed class FinanceCallTests
{
    [Fact]
    public void Every_message_type_of_the_contract_has_its_finance_system_call()
    {
        foreach (var type in FinanceRouting.MessageTypes)
        {
            var message = (FinanceMessage)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
            Should.NotThrow(() => Aankopen.FinanceConnector.FinanceCalls.For(message), type.Name);
        }
    }
}

/// <summary>Which connector replica an administration belongs to: every replica must compute the same.</summary>
public sealed class ReplicaOwnershipTests
{
    [Fact]
    public void An_administration_belongs_to_the_same_replica_in_every_process_and_version()
    {
        // FNV-1a written out longhand over "tenant/code": a change of the hash would move administrations between
        // replicas during an upgrade, so it must show up here.
        static int Longhand(string key, int replicas)
        {
            ulong hash = 2166136261;
            foreach (var c in key)
                hash = ((hash ^ c) * 16777619) & 0xFFFFFFFF;
            return (int)(hash % (ulong)replicas);
        }

        foreach (var (tenant, code) in new[] { ("default", "OCMW"), ("jette", "GEMEENTE"), ("molenbeek", "MB-OCMW") })
            Aankopen.FinanceConnector.QueueAssignments.OwnerOf(tenant, code, 7).ShouldBe(Longhand($"{tenant}/{code}", 7));
        Aankopen.FinanceConnector.QueueAssignments.OwnerOf("default", "OCMW", 1).ShouldBe(0);
    }

    [Fact]
    public void Two_thousand_administrations_spread_evenly_over_ten_replicas()
    {
        var counts = new int[10];
        for (var municipality = 0; municipality < 500; municipality++)
            foreach (var code in new[] { "GEMEENTE", "OCMW", "POLITIE", "AGB" })
                counts[Aankopen.FinanceConnector.QueueAssignments.OwnerOf($"gemeente-{municipality}", code, 10)]++;

        counts.ShouldAllBe(n => n > 150 && n < 250);
    }

    [Fact]
    public void An_absent_replicas_administrations_get_one_stand_in_each_spread_over_the_others()
    {
        var present = new[] { 0, 1, 2, 4, 5, 6, 7, 8, 9 };
        var orphans = Enumerable.Range(0, 500).SelectMany(m => new[] { "GEMEENTE", "OCMW", "POLITIE", "AGB" }.Select(c => ($"gemeente-{m}", c)))
            .Where(a => Aankopen.FinanceConnector.QueueAssignments.OwnerOf(a.Item1, a.c, 10) == 3).ToArray();
        var counts = orphans.GroupBy(a => Aankopen.FinanceConnector.QueueAssignments.SuccessorOf(a.Item1, a.c, present)).ToDictionary(g => g.Key, g => g.Count());

        counts.Keys.ShouldBeSubsetOf(present); // never the absent one
        counts.Count.ShouldBe(present.Length);
        counts.Values.ShouldAllBe(n => n > orphans.Length / present.Length / 2 && n < orphans.Length / present.Length * 2);
    }

    [Fact]
    public void A_replica_coming_back_moves_only_the_administrations_it_now_stands_in_for()
    {
        var before = new[] { 0, 2, 4 };
        var after = new[] { 0, 2, 4, 5 };
        var moved = Enumerable.Range(0, 1000).Select(i => $"A{i}")
            .Select(code => (Before: Aankopen.FinanceConnector.QueueAssignments.SuccessorOf("regio", code, before),
                After: Aankopen.FinanceConnector.QueueAssignments.SuccessorOf("regio", code, after)))
            .Where(s => s.Before != s.After).ToArray();

        moved.ShouldAllBe(s => s.After == 5);
        moved.Length.ShouldBeInRange(150, 350); // about a quarter
        Aankopen.FinanceConnector.QueueAssignments.SuccessorOf("regio", "A1", [2, 0, 4]).ShouldBe(Aankopen.FinanceConnector.QueueAssignments.SuccessorOf("regio", "A1", before));
    }
}
