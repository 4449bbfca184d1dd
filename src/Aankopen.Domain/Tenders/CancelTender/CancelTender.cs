namespace Aankopen.Domain.Tenders.CancelTender;

public sealed record CancelTenderCommand(string Reason, string Actor);

public static class CancelTenderDecider
{
    /// <summary>Only before any award: once a contract exists, its lot is terminated instead.</summary>
    public static Decision Decide(JointTender tender, CancelTenderCommand command, DateTimeOffset now)
    {
        if (TenderRules.Cancelled(tender) is { } cancelled)
            return cancelled;
        if (tender.Lots.Values.FirstOrDefault(l => l.Award is not null) is { } awarded)
            return DomainError.Conflict("already-awarded", awarded.Number, tender.Reference);
        if (InputChecks.MissingText(command.Reason, "reason", 1000, "cancellation-reason") is { } reason)
            return reason;
        return Decision.Accept(new TenderCancelled(tender.Id, command.Reason.Trim(), command.Actor, now));
    }
}
