namespace Aankopen.Domain.Tenders.OpenOptIn;

public sealed record OpenOptInCommand(string Actor);

public static class OpenOptInDecider
{
    /// <summary>A draft becomes visible to the invited administrations once it has lots and a deadline still ahead.</summary>
    public static Decision Decide(JointTender tender, OpenOptInCommand command, DateTimeOffset now)
    {
        if (TenderRules.Cancelled(tender) is { } cancelled)
            return cancelled;
        if (tender.Status != TenderStatus.Draft)
            return DomainError.Conflict("not-a-draft", tender.Reference);
        if (tender.Lots.IsEmpty)
            return DomainError.Conflict("no-lots", tender.Reference);
        if (now >= tender.OptInDeadline)
            return DomainError.Conflict("opt-in-deadline-passed/open", tender.Reference, Spoken.Moment(tender.OptInDeadline));
        return Decision.Accept(new OptInOpened(tender.Id, command.Actor, now));
    }
}
