namespace Aankopen.Domain.Tenders.Renewals;

/// <summary>
/// The renewal decisions of running lot contracts. <see cref="Advance"/> is what the scheduler asks: everything
/// that is due by <c>today</c>, in order, so a service that was down for months catches up with one call, and
/// asking twice records nothing twice.
/// </summary>
public static class RenewalDeciders
{
    public const string SchedulerActor = "system:renewals";

    public static Decision Advance(JointTender tender, DateOnly today, int leadDays, DateTimeOffset now)
    {
        if (tender.Status == TenderStatus.Cancelled)
            return Decision.Accept();
        var events = new List<object>();
        var state = tender;
        foreach (var number in tender.Lots.Keys)
        {
            while (NextStep(state, state.Lots[number], today, leadDays, now) is { } step)
            {
                events.Add(step);
                state = JointTender.Transition(state, step)!;
            }
        }
        return Decision.Accept([.. events]);
    }

    private static object? NextStep(JointTender tender, Lot lot, DateOnly today, int leadDays, DateTimeOffset now)
    {
        if (lot.Status != LotStatus.Awarded || lot.Running is not { } running)
            return null;
        var deadline = ContractPeriods.NoticeDeadline(running.PeriodEnd, lot.Terms.NoticeDays);
        if (running.CanRenew && running.DueFor < running.Next && today >= deadline.AddDays(-leadDays))
            return new RenewalBecameDue(tender.Id, lot.Number, running.Next, deadline, running.PeriodEnd.AddDays(1), SchedulerActor, now,
                NextShares(lot, running).Shares);
        if (today <= running.PeriodEnd)
            return null;
        if (!running.CanRenew)
            return new LotEnded(tender.Id, lot.Number, running.PeriodEnd,
                running.NotRenewed ? LotEndReason.NotRenewed : lot.Terms.Renewable ? LotEndReason.LastPeriod : LotEndReason.NotRenewable, SchedulerActor, now);
        return (object?)Renewal(tender, lot, running, SchedulerActor, now)
            ?? new LotEnded(tender.Id, lot.Number, running.PeriodEnd, LotEndReason.AllDeclined, SchedulerActor, now);
    }

    /// <summary>The purchasing cell renews ahead of the tacit renewal.</summary>
    public static Decision RenewNow(JointTender tender, int lotNumber, string actor, DateTimeOffset now)
    {
        var (lot, running, error) = RunningLot(tender, lotNumber);
        if (lot is null || running is null)
            return error!;
        if (!running.CanRenew)
            return DomainError.Conflict("no-renewal-left", lot.Number, running.Renewals, running.PossibleRenewals);
        if (BrusselsCalendar.DateOf(now) > running.PeriodEnd)
            return DomainError.Conflict("period-over", lot.Number, Spoken.Date(running.PeriodEnd));
        return Renewal(tender, lot, running, actor, now) is { } renewed
            ? Decision.Accept(renewed)
            : DomainError.Conflict("all-declined", running.Next, lot.Number, Spoken.Date(running.PeriodEnd));
    }

    /// <summary>An administration declines the next renewal for itself, before the notice deadline; the others continue.</summary>
    public static Decision Decline(JointTender tender, int lotNumber, string administration, string actor, DateTimeOffset now)
    {
        var (lot, running, error) = RunningLot(tender, lotNumber);
        if (lot is null || running is null)
            return error!;
        if (lot.RunningShareOf(administration) is null)
            return DomainError.Conflict("not-a-participant", InputChecks.Shorten(administration), lot.Number);
        if (!running.CanRenew)
            return DomainError.Conflict("no-renewal-left/refuse", lot.Number);
        if (running.Declined.Contains(administration))
            return DomainError.Conflict("already-declined", administration, running.Next, lot.Number);
        if (PastNotice(lot, now) is { } late)
            return late;
        return Decision.Accept(new RenewalDeclined(tender.Id, lot.Number, running.Next, administration, actor, now));
    }

    /// <summary>
    /// The purchasing cell gives notice that the contract will not renew (for every administration), before the notice
    /// deadline: it ends with its current period, and each administration's finance system hears its release.
    /// </summary>
    public static Decision NotRenew(JointTender tender, int lotNumber, string? reason, string actor, DateTimeOffset now)
    {
        var (lot, running, error) = RunningLot(tender, lotNumber);
        if (lot is null || running is null)
            return error!;
        if (!running.CanRenew)
            return DomainError.Conflict("no-renewal-left/ending", lot.Number, Spoken.Date(running.PeriodEnd));
        if (PastNotice(lot, now) is { } late)
            return late;
        if (InputChecks.MissingText(reason, "reason", 1000, "no-renewal-reason") is { } missing)
            return missing;
        return Decision.Accept(new LotNotRenewed(tender.Id, lot.Number, running.Next, running.PeriodEnd, reason!.Trim(), actor, now));
    }

    /// <summary>After the notice deadline the contract renews whatever anyone says; the refusal names the deadline.</summary>
    public static DomainError? PastNotice(Lot lot, DateTimeOffset now)
    {
        if (lot.Running is not { CanRenew: true } running)
            return null;
        var deadline = ContractPeriods.NoticeDeadline(running.PeriodEnd, lot.Terms.NoticeDays);
        return BrusselsCalendar.DateOf(now) > deadline
            ? DomainError.Conflict("notice-deadline-passed", lot.Number, Spoken.Date(deadline), Spoken.Date(running.PeriodEnd.AddDays(1)))
            : null;
    }

    /// <summary>The lot and its running contract, or why there is none to renew or decline.</summary>
    private static (Lot? Lot, RunningContract? Running, DomainError? Error) RunningLot(JointTender tender, int lotNumber)
    {
        if (TenderRules.LotMissing(tender, lotNumber) is { } missing)
            return (null, null, missing);
        var lot = tender.Lots[lotNumber];
        return lot.Status == LotStatus.Awarded && lot.Running is { } running
            ? (lot, running, null)
            : (null, null, DomainError.Conflict("lot-not-running", lot.Number));
    }

    /// <summary>
    /// The next period for the administrations that did not decline: their current shares scaled from the current
    /// period's length to a renewal period's, split again to the cent. Null when everyone declined.
    /// </summary>
    private static LotRenewed? Renewal(JointTender tender, Lot lot, RunningContract running, string actor, DateTimeOffset now)
    {
        var (totalExclVat, totalInclVat, shares) = NextShares(lot, running);
        if (shares.Count == 0)
            return null;
        var (start, end) = ContractPeriods.Period(lot.Award!.ContractEnd, lot.Terms.RenewalMonths, running.Next);
        return new LotRenewed(tender.Id, lot.Number, running.Next, start, end, totalExclVat, lot.VatRate, totalInclVat, shares, actor, now);
    }

    /// <summary>The next period's amounts and shares for the administrations that did not decline (none when all did).</summary>
    public static (decimal ExclVat, decimal InclVat, IReadOnlyList<AwardShare> Shares) NextShares(Lot lot, RunningContract running)
    {
        var continuing = running.Shares.Where(s => !running.Declined.Contains(s.Administration)).ToArray();
        if (continuing.Length == 0)
            return (0m, 0m, []);
        // What the continuing administrations had for the current period, scaled to the length of a renewal period.
        // The current period is the awarded one at first (it may differ from the terms' initial months), then a renewal.
        var currentMonths = running.Renewals == 0 ? ContractPeriods.Months(running.PeriodStart, running.PeriodEnd) : lot.Terms.RenewalMonths;
        var weights = continuing.Select(s => s.AmountExclVat).ToArray();
        var totalExclVat = Money.ToCents(weights.Sum() * lot.Terms.RenewalMonths / currentMonths);
        if (weights.Sum() == 0)
            return (0m, 0m, continuing.Select(s => s with { AmountExclVat = 0m, AmountInclVat = 0m }).ToArray());
        // Each administration is invoiced its own share, with VAT on that share (as at the award).
        var exclVat = LargestRemainder.Split(totalExclVat, weights);
        var shares = continuing.Select((s, i) => new AwardShare(s.Administration, exclVat[i], Money.InclVat(exclVat[i], lot.VatRate), s.BudgetLine)).ToArray();
        return (totalExclVat, ShareSplit.TotalInclVat(shares), shares);
    }
}
