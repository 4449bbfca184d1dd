namespace Aankopen.Domain.Tenders.CloseOptIn;

public sealed record CloseOptInCommand(string Actor);

public static class CloseOptInDecider
{
    /// <summary>Closing is allowed before the deadline too: the purchasing cell may close once everyone has answered.</summary>
    public static Decision Decide(JointTender tender, CloseOptInCommand command, DateTimeOffset now)
    {
        if (TenderRules.CloseIfDeadlinePassed(tender, now).Closing is { Count: > 0 } atDeadline)
            return Decision.Accept([.. atDeadline]);
        if (TenderRules.Cancelled(tender) is { } cancelled)
            return cancelled;
        if (tender.Status == TenderStatus.Draft)
            return DomainError.Conflict("tender-draft/close", tender.Reference);
        if (tender.Status != TenderStatus.OpenForOptIn)
            return DomainError.Conflict("opt-in-already-closed", tender.Reference);

        return Decision.Accept(new OptInClosed(tender.Id, TenderRules.DroppedLots(tender), AtDeadline: false, command.Actor, now));
    }
}
