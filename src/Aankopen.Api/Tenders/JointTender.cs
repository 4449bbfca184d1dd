using System.Collections.Immutable;
using Aankopen.Api.Shared;

namespace Aankopen.Api.Tenders;

public enum TenderStatus { OpenForOptIn, OptInClosed }

public enum LotStatus { Open, Dropped, Awarded }

public sealed record OptIn(string Administration, decimal EstimatedAmountExclVat, string BudgetLine);

public sealed record Award(
    string SupplierName,
    string SupplierEnterpriseNumber,
    decimal AmountExclVat,
    decimal AmountInclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd,
    IReadOnlyList<AwardShare> Shares);

public sealed record Lot(
    int Number,
    string Title,
    string Cpv,
    decimal EstimatedValueExclVat,
    decimal VatRate,
    LotStatus Status,
    ImmutableList<OptIn> OptIns,
    Award? Award)
{
    public OptIn? OptInOf(string administration) => OptIns.Find(o => o.Administration == administration);
}

/// <summary>
/// The state of one joint tender as folded from its events. Immutable: every Apply returns a new value, so a
/// decision can never change the state it was made on.
/// </summary>
public sealed record JointTender(
    Guid Id,
    string Reference,
    string TitleNl,
    string TitleFr,
    string MainCpv,
    ContractSubject Subject,
    string Procedure,
    string LeadAdministration,
    ImmutableList<string> InvitedAdministrations,
    DateTimeOffset OptInDeadline,
    TenderStatus Status,
    ImmutableSortedDictionary<int, Lot> Lots)
{
    public static JointTender Create(TenderOpened e) => new(
        e.TenderId, e.Reference, e.TitleNl, e.TitleFr, e.MainCpv, e.Subject, e.Procedure, e.LeadAdministration,
        [.. e.InvitedAdministrations], e.OptInDeadline, TenderStatus.OpenForOptIn, ImmutableSortedDictionary<int, Lot>.Empty);

    public JointTender Apply(LotAdded e) => this with
    {
        Lots = Lots.Add(e.LotNumber, new Lot(e.LotNumber, e.Title, e.Cpv, e.EstimatedValueExclVat, e.VatRate, LotStatus.Open, [], null)),
    };

    public JointTender Apply(OptedIn e) => WithLot(e.LotNumber, lot => lot with
    {
        OptIns = lot.OptIns.RemoveAll(o => o.Administration == e.Administration)
            .Add(new OptIn(e.Administration, e.EstimatedAmountExclVat, e.BudgetLine)),
    });

    public JointTender Apply(OptInClosed e) => this with
    {
        Status = TenderStatus.OptInClosed,
        Lots = e.DroppedLots.Aggregate(Lots, (lots, number) => lots.SetItem(number, lots[number] with { Status = LotStatus.Dropped })),
    };

    public JointTender Apply(LotAwarded e) => WithLot(e.LotNumber, lot => lot with
    {
        Status = LotStatus.Awarded,
        Award = new Award(e.SupplierName, e.SupplierEnterpriseNumber, e.AwardedAmountExclVat, e.AwardedAmountInclVat,
            e.ContractStart, e.ContractEnd, e.Shares),
    });

    /// <summary>Folds a stream's events, oldest first; null when the stream holds no tender.</summary>
    public static JointTender? Fold(IEnumerable<object> events) => events.Aggregate((JointTender?)null, Transition);

    // Not named Evolve: Marten's source generator would take a static Evolve for its own aggregation convention.
    public static JointTender? Transition(JointTender? state, object @event) => (state, @event) switch
    {
        (null, TenderOpened e) => Create(e),
        (not null, LotAdded e) => state.Apply(e),
        (not null, OptedIn e) => state.Apply(e),
        (not null, OptInClosed e) => state.Apply(e),
        (not null, LotAwarded e) => state.Apply(e),
        _ => throw new InvalidOperationException($"Event {@event.GetType().Name} cannot follow {(state is null ? "an empty stream" : "an opened tender")}."),
    };

    private JointTender WithLot(int number, Func<Lot, Lot> change) => this with { Lots = Lots.SetItem(number, change(Lots[number])) };
}
