using System.Collections.Immutable;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;

namespace Aankopen.Store.Tenders.ReadModels;

public enum ParticipationStatus { Invited, Participating, Withdrawn, Dropped, Awarded, NotAwarded, Terminated, Ended }

public sealed record ParticipationLot(
    int LotNumber,
    ParticipationStatus Status,
    decimal? EstimatedAmountExclVat,
    decimal? EstimatedQuantity,
    string? BudgetLine,
    string? SupplierName = null,
    decimal? ShareExclVat = null,
    decimal? ShareInclVat = null,
    DateOnly? AwardedOn = null,
    int Renewals = 0,
    bool Framework = false,
    decimal OrderedExclVat = 0m,
    decimal RaisedExclVat = 0m,
    decimal OrderedInclVat = 0m,
    int Orders = 0)
{
    /// <summary>What it ordered in the current period against its share, for a framework agreement; null otherwise.</summary>
    public Consumption? Consumption(string administration) => Framework && Status == ParticipationStatus.Awarded && ShareExclVat is { } share
        ? new Consumption(administration, Renewals, share, RaisedExclVat, OrderedExclVat, OrderedInclVat, Orders)
        : null;
}

/// <summary>
/// One administration's part in one tender: the lots it opted into and the shares it was awarded. Kept by the
/// async daemon (it spans tenders when queried per administration and year), id <c>{tender}/{administration}</c>.
/// </summary>
public sealed record Participation(
    string Id,
    string Administration,
    Guid TenderId,
    string Reference,
    string TitleNl,
    string TitleFr,
    int Year,
    TenderStatus TenderStatus,
    ImmutableSortedDictionary<int, ParticipationLot> Lots)
{
    /// <summary>The years in which this administration was awarded a share here; stored so a query can filter on it.</summary>
    public int[] AwardYears => Lots.Values.Where(l => l.AwardedOn is not null).Select(l => l.AwardedOn!.Value.Year).Distinct().ToArray();

    /// <summary>
    /// "{administration}/{year}" for every year this participation counts in (the tender's year and its award years),
    /// a column with an index of its own: an administration's year is one index lookup instead of reading all of the
    /// administration's participations ever (at 20 million events, 3,000 documents and 300 ms).
    /// </summary>
    public string[] YearKeys => [.. AwardYears.Prepend(Year).Distinct().Order().Select(y => YearKey(Administration, y))];

    public static string YearKey(string administration, int year) => $"{administration}/{year}";

    /// <summary>The column Marten keeps <see cref="YearKeys"/> in (named after the member).</summary>
    public const string YearKeysColumn = "year_keys";

    public static string IdFor(Guid tenderId, string administration) => $"{tenderId:N}/{administration}";

    public static Participation Start(TenderOpened e, string administration) => new(
        IdFor(e.TenderId, administration), administration, e.TenderId, e.Reference, e.TitleNl, e.TitleFr, BrusselsCalendar.DateOf(e.OpenedAt).Year,
        e.IsDraft ? TenderStatus.Draft : TenderStatus.OpenForOptIn, ImmutableSortedDictionary<int, ParticipationLot>.Empty);

    /// <summary>What one event changes for this administration; most events of other administrations change nothing.</summary>
    /// <remarks>Not named Apply: Marten would read that as its own convention, which its explicit Evolve forbids.</remarks>
    public Participation Following(object @event) => @event switch
    {
        OptInOpened => this with { TenderStatus = TenderStatus.OpenForOptIn },
        OptedIn e when e.Administration == Administration => WithLot(e.LotNumber,
            new ParticipationLot(e.LotNumber, ParticipationStatus.Participating, e.EstimatedAmountExclVat, e.EstimatedQuantity, e.BudgetLine)),
        OptInWithdrawn e when e.Administration == Administration && Lots.ContainsKey(e.LotNumber) =>
            WithLot(e.LotNumber, Lots[e.LotNumber] with { Status = ParticipationStatus.Withdrawn }),
        LotRemoved e => this with { Lots = Lots.Remove(e.LotNumber) },
        OptInClosed e => this with
        {
            TenderStatus = TenderStatus.OptInClosed,
            Lots = e.DroppedLots.Where(Lots.ContainsKey)
                .Aggregate(Lots, (lots, n) => lots.SetItem(n, lots[n] with { Status = ParticipationStatus.Dropped })),
        },
        TenderPublished => this with { TenderStatus = TenderStatus.Published },
        LotAwarded e when e.Shares.FirstOrDefault(s => s.Administration == Administration) is { } share && Lots.ContainsKey(e.LotNumber) =>
            WithLot(e.LotNumber, Lots[e.LotNumber] with
            {
                Status = ParticipationStatus.Awarded,
                SupplierName = e.SupplierName,
                ShareExclVat = share.AmountExclVat,
                ShareInclVat = share.AmountInclVat,
                AwardedOn = BrusselsCalendar.DateOf(e.AwardedAt),
                Framework = e.Agreement == AgreementKind.Framework,
            }),
        // Orders and raises count for the contract's current period: a renewal starts the count again.
        OrderRecorded e when e.Administration == Administration && Lots.TryGetValue(e.LotNumber, out var lot) && lot.Renewals == e.Renewal =>
            WithLot(e.LotNumber, lot with
            {
                OrderedExclVat = lot.OrderedExclVat + e.AmountExclVat,
                OrderedInclVat = lot.OrderedInclVat + e.AmountInclVat,
                Orders = lot.Orders + 1,
            }),
        ShareCeilingRaised e when e.Administration == Administration && Lots.TryGetValue(e.LotNumber, out var lot) && lot.Renewals == e.Renewal =>
            WithLot(e.LotNumber, lot with { RaisedExclVat = lot.RaisedExclVat + e.AmountExclVat }),
        LotNotAwarded e when Lots.ContainsKey(e.LotNumber) => WithLot(e.LotNumber, Lots[e.LotNumber] with { Status = ParticipationStatus.NotAwarded }),
        LotTerminated e when Lots.ContainsKey(e.LotNumber) => WithLot(e.LotNumber, Lots[e.LotNumber] with { Status = ParticipationStatus.Terminated }),
        TenderCancelled => this with { TenderStatus = TenderStatus.Cancelled },
        LotRenewed e when Lots.ContainsKey(e.LotNumber) => e.Shares.FirstOrDefault(s => s.Administration == Administration) is { } share
            ? WithLot(e.LotNumber, Lots[e.LotNumber] with
            {
                ShareExclVat = share.AmountExclVat,
                ShareInclVat = share.AmountInclVat,
                Renewals = e.Renewal,
                OrderedExclVat = 0m,
                RaisedExclVat = 0m,
                OrderedInclVat = 0m,
                Orders = 0,
            })
            : WithLot(e.LotNumber, Lots[e.LotNumber] with { Status = ParticipationStatus.Ended }),
        LotEnded e when Lots.ContainsKey(e.LotNumber) => WithLot(e.LotNumber, Lots[e.LotNumber] with { Status = ParticipationStatus.Ended }),
        _ => this,
    };

    private Participation WithLot(int number, ParticipationLot lot) => this with { Lots = Lots.SetItem(number, lot) };
}
