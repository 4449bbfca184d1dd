using System.Collections.Immutable;

namespace Aankopen.Domain.Tenders;

public enum TenderStatus { Draft, OpenForOptIn, OptInClosed, Published, Cancelled }

public enum LotStatus { Open, Dropped, Awarded, NotAwarded, Terminated, Ended }

/// <summary>
/// Where an awarded lot's contract stands: the current period (0 is the initial one), who shares it, and what is
/// recorded about the next renewal.
/// </summary>
/// <param name="PossibleRenewals">How many renewals its terms allow in all (see ContractPeriods).</param>
/// <param name="DueFor">The highest renewal whose "renewal due" was recorded.</param>
/// <param name="Declined">Administrations that declined the next renewal.</param>
public sealed record RunningContract(
    int Renewals,
    int PossibleRenewals,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int DueFor,
    ImmutableList<string> Declined,
    IReadOnlyList<AwardShare> Shares,
    decimal AmountExclVat,
    decimal AmountInclVat,
    bool NotRenewed = false,
    PastPeriod? Previous = null)
{
    public int Next => Renewals + 1;

    public bool CanRenew => Next <= PossibleRenewals;

    /// <summary>The shares of period <paramref name="renewal"/>: the current one or the one before; null for any other.</summary>
    public IReadOnlyList<AwardShare>? SharesOf(int renewal) => renewal == Renewals ? Shares : Previous?.Renewal == renewal ? Previous.Shares : null;

    /// <summary>The last day of period <paramref name="renewal"/>: the one before's, or else the current one's.</summary>
    public DateOnly EndOf(int renewal) => Previous?.Renewal == renewal ? Previous.End : PeriodEnd;
}

/// <summary>
/// The period before the current one, kept because it may still run (a renewal recorded ahead of its start) and an
/// order dated in it may be recorded late: under a framework, an order counts in the period of its date.
/// </summary>
public sealed record PastPeriod(int Renewal, DateOnly Start, DateOnly End, IReadOnlyList<AwardShare> Shares)
{
    public bool Holds(DateOnly day) => day >= Start && day <= End;
}

public sealed record OptIn(string Administration, decimal? EstimatedAmountExclVat, decimal? EstimatedQuantity, string BudgetLine);

public sealed record Award(
    string SupplierName,
    string SupplierId,
    decimal AmountExclVat,
    decimal AmountInclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd,
    IReadOnlyList<AwardShare> Shares,
    DateTimeOffset AwardedAt,
    DateOnly? DecidedOn = null,
    DateOnly? ConcludedOn = null)
{
    /// <summary>
    /// Administrations whose share waits for their own award decision: their finance systems hear of the award only
    /// once it is in force.
    /// </summary>
    public ImmutableList<string> AwaitingDecision { get; init; } = [];

    /// <summary>Who recorded the award, as the finance message of a share released later still says.</summary>
    public string AwardedBy { get; init; } = "";

    /// <summary>Fixed for awards recorded before the kind was kept: their finance systems booked the award as the commitment.</summary>
    public AgreementKind Agreement { get; init; } = AgreementKind.Fixed;
}

/// <param name="Ending">Why the lot ended without (NotAwarded) or before the end of (Terminated) its contract.</param>
public sealed record Lot(
    int Number,
    string Title,
    string Cpv,
    decimal EstimatedValueExclVat,
    decimal VatRate,
    ContractTerms Terms,
    LotStatus Status,
    ImmutableList<OptIn> OptIns,
    Award? Award,
    string? Ending = null,
    DateOnly? TerminatedOn = null,
    RunningContract? Running = null)
{
    /// <summary>The orders placed under a framework agreement, in the order they were recorded.</summary>
    public ImmutableList<FrameworkOrder> Orders { get; init; } = [];

    /// <summary>What the purchasing cell allowed administrations to order beyond their share.</summary>
    public ImmutableList<CeilingRaise> Raises { get; init; } = [];

    public OptIn? OptInOf(string administration) => OptIns.Find(o => o.Administration == administration);

    /// <summary>The administration's share of the contract's current period; null when it has none (or the lot does not run).</summary>
    public AwardShare? RunningShareOf(string administration) => Running?.Shares.FirstOrDefault(s => s.Administration == administration);

    /// <summary>Awarded as a framework agreement: each share a ceiling, each order a commitment.</summary>
    /// <remarks>Not stored: it follows from the award.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFramework => Award?.Agreement == AgreementKind.Framework;

    /// <summary>Whether the administration had a share of the award (whatever became of it at renewals).</summary>
    public bool HasAwardShare(string administration) => Award?.Shares.Any(s => s.Administration == administration) == true;
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
    ImmutableSortedDictionary<int, Lot> Lots,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    string? PublicationReference = null,
    DateOnly? PublishedOn = null,
    string? CancellationReason = null)
{
    /// <summary>Every administration's decisions on this tender, in the order they were recorded.</summary>
    public ImmutableList<TenderDecision> Decisions { get; init; } = [];

    public Arrangement Arrangement { get; init; } = Arrangement.Joint;

    /// <summary>
    /// Whose decisions count for this administration's share: its own in a joint tender, the lead's when the lead
    /// buys on behalf of the others.
    /// </summary>
    public string DecidesFor(string administration) => Arrangement == Arrangement.OnBehalf ? LeadAdministration : administration;

    /// <summary>
    /// Under a purchasing central, the administrations that buy through the lead: those other than the lead with an
    /// opt-in on an open lot or a share of an awarded one; none in a joint tender or a cancelled one, nor once every
    /// lot it took part in ended.
    /// </summary>
    public IReadOnlyList<string> BuyingThroughLead() => Arrangement != Arrangement.OnBehalf || Status == TenderStatus.Cancelled
        ? []
        : InvitedAdministrations.Where(a => a != LeadAdministration && LiveLots.Any(l => (l.Status == LotStatus.Open && l.OptInOf(a) is not null)
            || (l.Status == LotStatus.Awarded && (l.RunningShareOf(a) is not null || l.HasAwardShare(a))))).ToArray();

    public static JointTender Create(TenderOpened e) => new(
        e.TenderId, e.Reference, e.TitleNl, e.TitleFr, e.MainCpv, e.Subject, e.Procedure, e.LeadAdministration,
        [.. e.InvitedAdministrations], e.OptInDeadline, e.IsDraft ? TenderStatus.Draft : TenderStatus.OpenForOptIn,
        ImmutableSortedDictionary<int, Lot>.Empty, e.OpenedBy, e.OpenedAt)
    {
        Arrangement = e.Arrangement ?? Arrangement.Joint,
    };

    public JointTender Apply(OptInOpened _) => this with { Status = TenderStatus.OpenForOptIn };

    public JointTender Apply(LotAdded e) => this with
    {
        Lots = Lots.Add(e.LotNumber, new Lot(e.LotNumber, e.Title, e.Cpv, e.EstimatedValueExclVat, e.VatRate, e.Terms, LotStatus.Open, [], null)),
    };

    public JointTender Apply(LotChanged e) => WithLot(e.LotNumber, lot => lot with
    {
        Title = e.Title,
        Cpv = e.Cpv,
        EstimatedValueExclVat = e.EstimatedValueExclVat,
        VatRate = e.VatRate,
        Terms = e.Terms,
    });

    public JointTender Apply(LotRemoved e) => this with { Lots = Lots.Remove(e.LotNumber) };

    public JointTender Apply(OptedIn e) => WithLot(e.LotNumber, lot => lot with
    {
        OptIns = lot.OptIns.RemoveAll(o => o.Administration == e.Administration)
            .Add(new OptIn(e.Administration, e.EstimatedAmountExclVat, e.EstimatedQuantity, e.BudgetLine)),
    });

    public JointTender Apply(OptInWithdrawn e) =>
        WithLot(e.LotNumber, lot => lot with { OptIns = lot.OptIns.RemoveAll(o => o.Administration == e.Administration) });

    public JointTender Apply(OptInClosed e) => this with
    {
        Status = TenderStatus.OptInClosed,
        Lots = e.DroppedLots.Aggregate(Lots, (lots, number) => lots.SetItem(number, lots[number] with { Status = LotStatus.Dropped })),
    };

    public JointTender Apply(TenderPublished e) =>
        this with { Status = TenderStatus.Published, PublicationReference = e.PublicationReference, PublishedOn = e.PublishedOn };

    public JointTender Apply(LotAwarded e) => WithLot(e.LotNumber, lot => lot with
    {
        Status = LotStatus.Awarded,
        Award = new Award(e.SupplierName, e.SupplierId, e.AwardedAmountExclVat, e.AwardedAmountInclVat,
            e.ContractStart, e.ContractEnd, e.Shares, e.AwardedAt, e.DecidedOn, e.ConcludedOn)
        {
            AwaitingDecision = [.. e.AwaitingDecision ?? []],
            AwardedBy = e.AwardedBy,
            Agreement = e.Agreement ?? AgreementKind.Fixed,
        },
        Running = new RunningContract(0, ContractPeriods.PossibleRenewals(e.ConcludedOn ?? e.ContractStart, e.ContractEnd, lot.Terms),
            e.ContractStart, e.ContractEnd, 0, [], e.Shares, e.AwardedAmountExclVat, e.AwardedAmountInclVat),
    });

    public JointTender Apply(RenewalBecameDue e) => WithRunning(e.LotNumber, r => r with { DueFor = Math.Max(r.DueFor, e.Renewal) });

    public JointTender Apply(RenewalDeclined e) => WithRunning(e.LotNumber, r => r with { Declined = r.Declined.Add(e.Administration) });

    public JointTender Apply(LotRenewed e) => WithRunning(e.LotNumber, r => r with
    {
        Previous = new PastPeriod(r.Renewals, r.PeriodStart, r.PeriodEnd, r.Shares),
        Renewals = e.Renewal,
        PeriodStart = e.PeriodStart,
        PeriodEnd = e.PeriodEnd,
        Declined = [],
        Shares = e.Shares,
        AmountExclVat = e.AmountExclVat,
        AmountInclVat = e.AmountInclVat,
    });

    /// <summary>No renewal is possible any more, and every administration's share ends with the current period.</summary>
    public JointTender Apply(LotNotRenewed e) => WithRunning(e.LotNumber, r => r with
    {
        PossibleRenewals = r.Renewals,
        NotRenewed = true,
        Declined = [.. r.Shares.Select(s => s.Administration)],
    });

    public JointTender Apply(LotEnded e) => WithLot(e.LotNumber, lot => lot with { Status = LotStatus.Ended, Ending = e.Reason.ToString() });

    public JointTender Apply(LotNotAwarded e) => WithLot(e.LotNumber, lot => lot with { Status = LotStatus.NotAwarded, Ending = e.Reason });

    public JointTender Apply(TenderCancelled e) => this with { Status = TenderStatus.Cancelled, CancellationReason = e.Reason };

    public JointTender Apply(LotTerminated e) =>
        WithLot(e.LotNumber, lot => lot with { Status = LotStatus.Terminated, Ending = e.Reason, TerminatedOn = e.EffectiveOn });

    public JointTender Apply(OrderRecorded e) => WithLot(e.LotNumber, lot => lot with
    {
        Orders = lot.Orders.Add(new FrameworkOrder(e.Number, e.Administration, e.Renewal, e.OrderedOn, e.Reference, e.AmountExclVat, e.AmountInclVat,
            e.BudgetLine, e.RecordedBy, e.RecordedAt)),
    });

    public JointTender Apply(ShareCeilingRaised e) => WithLot(e.LotNumber, lot => lot with
    {
        Raises = lot.Raises.Add(new CeilingRaise(e.Administration, e.Renewal, e.AmountExclVat, e.Reason, e.RaisedBy, e.RaisedAt)),
    });

    /// <summary>Orders are numbered across the tender's lots, so "order 7" names one order of the tender.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int OrderCount => Lots.Values.Sum(l => l.Orders.Count);

    public JointTender Apply(DecisionRecorded e) => Released(this with
    {
        Decisions = Decisions.Add(new TenderDecision(e.Number, e.Administration, e.Kind, e.LotNumber, e.Renewal, e.Body, e.BodyName, e.DecidedOn,
            e.Reference, DecisionStanding.InForce, e.RecordedBy, e.RecordedAt)),
    }, e.Administration);

    public JointTender Apply(DecisionSupervised e)
    {
        var decision = Decisions.Single(d => d.Number == e.Number);
        var standing = e.Act switch
        {
            SupervisionAct.Suspended => DecisionStanding.Suspended,
            SupervisionAct.Annulled => DecisionStanding.Annulled,
            _ => DecisionStanding.InForce,
        };
        var state = this with { Decisions = Decisions.Replace(decision, decision with { Standing = standing, SupervisedOn = decision.SupervisedOn > e.On ? decision.SupervisedOn : e.On }) };
        return standing == DecisionStanding.InForce ? Released(state, decision.Administration) : state;
    }

    /// <summary>
    /// A share that waited is released once both the conditions and the award decision that count for it are in force
    /// (whichever came last), and only while the lot's contract still runs with a share for it: a contract that ended or
    /// moved on without it was never committed, so there is nothing to announce. Under a purchasing central the lead's
    /// decisions release every share that waited for them.
    /// </summary>
    private static JointTender Released(JointTender state, string deciding) =>
        state.GapIn(deciding, DecisionKind.Conditions) is not null
            ? state
            : state.Lots.Values.Where(lot => lot is { Status: LotStatus.Awarded, Award: not null, Running: not null }
                    && state.GapIn(deciding, DecisionKind.Award, lot.Number) is null)
                .Aggregate(state, (s, lot) => s.WithLot(lot.Number, l => l with
                {
                    Award = l.Award! with
                    {
                        AwaitingDecision = l.Award.AwaitingDecision.RemoveAll(w => s.DecidesFor(w) == deciding && l.RunningShareOf(w) is not null),
                    },
                }));

    /// <summary>
    /// The administration's current decision on this point: the latest one not annulled (in force or suspended); null
    /// when it has none.
    /// </summary>
    public TenderDecision? DecisionOf(string administration, DecisionKind kind, int? lotNumber = null, int? renewal = null) =>
        Decisions.FindLast(d => d.IsAbout(administration, kind, lotNumber, renewal) && d.Standing != DecisionStanding.Annulled);

    /// <summary>Null when the administration's decision on this point is in force; otherwise what is wrong with it.</summary>
    public DecisionGap? GapIn(string administration, DecisionKind kind, int? lotNumber = null, int? renewal = null) =>
        DecisionOf(administration, kind, lotNumber, renewal) switch
        {
            { Standing: DecisionStanding.InForce } => null,
            { } suspended => new DecisionGap(administration, kind, lotNumber, renewal, suspended.Standing),
            null => new DecisionGap(administration, kind, lotNumber, renewal,
                Decisions.Any(d => d.IsAbout(administration, kind, lotNumber, renewal)) ? DecisionStanding.Annulled : null),
        };

    /// <summary>
    /// What each taking part still has to decide, or has suspended or annulled: the conditions, then each awarded or
    /// awardable lot it has a part in, then a renewal that came up for a contract it continues in.
    /// </summary>
    public IReadOnlyList<DecisionGap> DecisionGaps()
    {
        if (Status is TenderStatus.Draft or TenderStatus.Cancelled)
            return [];
        var gaps = new List<DecisionGap?>();
        // Under a purchasing central only the lead decides, for every lot someone takes part in.
        foreach (var administration in Arrangement == Arrangement.OnBehalf ? [LeadAdministration] : InvitedAdministrations)
        {
            var lots = LiveLots.Where(l => l.OptInOf(administration) is not null || l.HasAwardShare(administration)
                || (Arrangement == Arrangement.OnBehalf && (l.OptIns.Count > 0 || l.Award is not null))).ToArray();
            if (lots.Length == 0)
                continue;
            gaps.Add(GapIn(administration, DecisionKind.Conditions));
            foreach (var lot in lots)
            {
                if (lot.Status == LotStatus.Awarded || (lot.Status == LotStatus.Open && Status == TenderStatus.Published))
                    gaps.Add(GapIn(administration, DecisionKind.Award, lot.Number));
                if (lot is { Status: LotStatus.Awarded, Running: { } running } && running.DueFor > running.Renewals
                    && running.Shares.Any(s => DecidesFor(s.Administration) == administration && !running.Declined.Contains(s.Administration)))
                    gaps.Add(GapIn(administration, DecisionKind.Renewal, lot.Number, running.DueFor));
            }
        }

        return gaps.OfType<DecisionGap>().ToArray();
    }

    /// <summary>Lots still in the running: not dropped, not removed.</summary>
    /// <remarks>Not stored: the tender record's document would otherwise hold every lot twice, written on every opt-in.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Lot> LiveLots => Lots.Values.Where(l => l.Status != LotStatus.Dropped);

    /// <summary>Folds a stream's events, oldest first; null when the stream holds no tender.</summary>
    public static JointTender? Fold(IEnumerable<object> events) => events.Aggregate((JointTender?)null, Transition);

    // Not named Evolve: Marten's source generator would take a static Evolve for its own aggregation convention.
    public static JointTender? Transition(JointTender? state, object @event) => (state, @event) switch
    {
        (null, TenderOpened e) => Create(e),
        (not null, OptInOpened e) => state.Apply(e),
        (not null, LotAdded e) => state.Apply(e),
        (not null, LotChanged e) => state.Apply(e),
        (not null, LotRemoved e) => state.Apply(e),
        (not null, OptedIn e) => state.Apply(e),
        (not null, OptInWithdrawn e) => state.Apply(e),
        (not null, OptInClosed e) => state.Apply(e),
        (not null, TenderPublished e) => state.Apply(e),
        (not null, LotAwarded e) => state.Apply(e),
        (not null, LotNotAwarded e) => state.Apply(e),
        (not null, TenderCancelled e) => state.Apply(e),
        (not null, LotTerminated e) => state.Apply(e),
        (not null, RenewalBecameDue e) => state.Apply(e),
        (not null, RenewalDeclined e) => state.Apply(e),
        (not null, LotRenewed e) => state.Apply(e),
        (not null, LotEnded e) => state.Apply(e),
        (not null, LotNotRenewed e) => state.Apply(e),
        (not null, DecisionRecorded e) => state.Apply(e),
        (not null, DecisionSupervised e) => state.Apply(e),
        (not null, OrderRecorded e) => state.Apply(e),
        (not null, ShareCeilingRaised e) => state.Apply(e),
        _ => throw new InvalidOperationException($"Event {@event.GetType().Name} cannot follow {(state is null ? "an empty stream" : "an opened tender")}."),
    };

    private JointTender WithRunning(int number, Func<RunningContract, RunningContract> change) =>
        WithLot(number, lot => lot with { Running = change(lot.Running!) });

    private JointTender WithLot(int number, Func<Lot, Lot> change) => this with { Lots = Lots.SetItem(number, change(Lots[number])) };
}
