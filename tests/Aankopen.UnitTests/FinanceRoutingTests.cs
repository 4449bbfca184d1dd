using Aankopen.Contracts.Finance.V1;
using Shouldly;

namespace Aankopen.UnitTests;

public sealed class FinanceRoutingTests
{
    [Fact]
    public void A_shard_depends_on_the_id_alone_and_is_the_same_in_every_process()
    {
        // Fixed expectations, not recomputed: a change of the hash would split a tender's messages over two queues
        // during an upgrade, so it must show up here.
        FinanceRouting.ShardOf(Guid.Parse("00000000-0000-0000-0000-000000000000")).ShouldBe(ExpectedShard(new byte[16]));
        var id = Guid.Parse("8f3c2a10-5b7e-4c1d-9a2f-0123456789ab");
        FinanceRouting.ShardOf(id).ShouldBe(FinanceRouting.ShardOf(Guid.Parse(id.ToString())));
        FinanceRouting.ShardOf(id).ShouldBe(ExpectedShard(id.ToByteArray()));
    }

    /// <summary>FNV-1a written out longhand, as a second statement of what the router computes.</summary>
    private static int ExpectedShard(byte[] bytes)
    {
        ulong hash = 2166136261;
        foreach (var b in bytes)
            hash = ((hash ^ b) * 16777619) & 0xFFFFFFFF;
        return (int)(hash % FinanceRouting.Shards);
    }

    [Fact]
    public void Ids_spread_over_every_shard_also_when_they_share_their_time_ordered_part()
    {
        var counts = new int[FinanceRouting.Shards];
        for (var i = 0; i < 1_600; i++)
            counts[FinanceRouting.ShardOf(Guid.CreateVersion7(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero)))]++;

        counts.ShouldAllBe(n => n > 50 && n < 150);
    }

    [Fact]
    public void Every_message_of_a_tender_goes_to_its_tenders_queue_with_its_tenants_and_administrations_key()
    {
        var tender = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var shard = FinanceRouting.ShardOf(tender);
        var release = new ReservationReleased
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

        FinanceRouting.ShardOf(release).ShouldBe(shard);
        FinanceRouting.RoutingKeyFor(release).ShouldBe($"molenbeek.OCMW.{shard:00}");
        FinanceRouting.QueueFor("molenbeek", "OCMW", shard).ShouldBe($"aankopen.finance.molenbeek.ocmw.{shard:00}");
        FinanceRouting.ErrorQueueFor("default", "OCMW", 3).ShouldBe("aankopen.finance.default.ocmw.03_error");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(FinanceRouting.Shards)]
    public void A_shard_outside_the_range_names_no_queue(int shard) =>
        Should.Throw<ArgumentOutOfRangeException>(() => FinanceRouting.QueueFor("default", "OCMW", shard));

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
