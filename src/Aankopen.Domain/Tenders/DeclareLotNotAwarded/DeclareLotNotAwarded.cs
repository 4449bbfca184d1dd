namespace Aankopen.Domain.Tenders.DeclareLotNotAwarded;

public sealed record DeclareLotNotAwardedCommand(int LotNumber, string Reason, string Actor);

public static class DeclareLotNotAwardedDecider
{
    public static Decision Decide(JointTender tender, DeclareLotNotAwardedCommand command, DateTimeOffset now)
    {
        if (TenderRules.LotMissing(tender, command.LotNumber) is { } missing)
            return missing;
        if (TenderRules.LotUndecided(tender, command.LotNumber) is { } refused)
            return refused;
        if (InputChecks.MissingText(command.Reason, "reason", 1000, "reason") is { } reason)
            return reason;
        return Decision.Accept(new LotNotAwarded(tender.Id, command.LotNumber, command.Reason.Trim(), command.Actor, now));
    }
}
