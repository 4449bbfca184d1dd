using Aankopen.Domain.Tenders.OptInToLot;
using Aankopen.FinanceSimulator;
using Aankopen.Store.Tenders;
using Aankopen.Store.Tenders.ReadModels;
using Marten;
using Npgsql;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// A transaction that took its event's sequence number and commits late (a lock wait, a paused machine) leaves a
/// gap that later events close over. Marten's daemon gives up waiting for a gap after its stale-sequence threshold;
/// these tests hold one open well past it while other tenders' events commit, on both append paths (ours and
/// Marten's), and the late event must still reach the finance system and the participations.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class SequenceGapTests(RunningSystem system)
{
    /// <summary>Marten's default stale-sequence threshold is 3 s; held well past it.</summary>
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(8);

    [Fact]
    public Task An_event_written_by_our_own_sql_and_committed_late_still_reaches_finance_and_the_participations() =>
        HeldOpenAsync(async (store, transaction, tender, events) =>
        {
            // As the service writes it, the record included, within the held transaction.
            await using var batch = BatchedAppendsMatchMartenTests.OurBatch(store, transaction.Connection!, tender.Id, tender.Version, events,
                TenderRecords.Records.After(tender.State, tender.Version, events).Record, null, $"gap-{Guid.NewGuid():N}", null);
            batch.Transaction = transaction;
            await batch.ExecuteNonQueryAsync(Ct);
        });

    [Fact]
    public Task An_event_appended_by_marten_and_committed_late_still_reaches_finance_and_the_participations() =>
        HeldOpenAsync(async (store, transaction, tender, events) =>
        {
            var options = Marten.Services.SessionOptions.ForTransaction(transaction);
            options.TenantId = "default";
            await using var session = store.LightweightSession(options);
            session.Events.Append(tender.Id, tender.Version + events.Count, [.. events]);
            await session.SaveChangesAsync(Ct);
        });

    private async Task HeldOpenAsync(Func<IDocumentStore, NpgsqlTransaction, TenderRecord, IReadOnlyList<object>, Task> write)
    {
        var late = new MealVoucherTender(system.Api);
        await late.OpenWithTwoLotsAsync($"GL-{Guid.NewGuid():N}"[..20]);
        var store = system.ApiServices.GetRequiredService<IDocumentStore>();
        TenderRecord record;
        await using (var query = store.QuerySession("default"))
            record = (await query.LoadAsync<TenderRecord>(late.Id, Ct))!;
        var budgetLine = $"GAP/{Guid.NewGuid():N}"[..20];
        var decision = OptInDecider.Decide(record.State, new OptInCommand(1, "OCMW", 4_321m, null, budgetLine, TestUsers.Of("OCMW")), DateTimeOffset.UtcNow);
        decision.IsRefused.ShouldBeFalse();

        await using var connection = await system.OwnConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        // The sequence number is taken now; the commit comes after later events have committed and long after the threshold.
        await write(store, transaction, record, decision.Events);

        var meanwhile = $"GM-{Guid.NewGuid():N}"[..20];
        await new MealVoucherTender(system.Api).AwardedDemoAsync(meanwhile);
        await Task.Delay(Held, Ct);
        await transaction.CommitAsync(Ct);

        await system.EventuallyAsync(async () => await system.Simulator.GetFromJsonAsync<List<Entry<Aankopen.Contracts.FinanceSystem.V1.ReservationRequest>>>(
                "systems/OCMW/reservations", RunningSystem.SimulatorJson, Ct) ?? [],
            r => r.Any(e => e.Request.BudgetLine == budgetLine), TimeSpan.FromSeconds(30));
        await system.EventuallyAsync(async () =>
        {
            await using var query = store.QuerySession("default");
            return await query.LoadAsync<Participation>(Participation.IdFor(late.Id, "OCMW"), Ct);
        }, p => p?.Lots.Values.Any(l => l.BudgetLine == budgetLine) == true, TimeSpan.FromSeconds(30));
        // The tenders committed meanwhile were not held back for good either.
        await system.EventuallyAsync(() => system.BookingsAsync("GEMEENTE"), b => b.Any(e => e.Request.TenderReference == meanwhile), TimeSpan.FromSeconds(30));
    }
}
