namespace Aankopen.Domain.Tenders.RemoveLot;

public sealed record RemoveLotCommand(int LotNumber, string Actor);

public static class RemoveLotDecider
{
    public static Decision Decide(JointTender tender, RemoveLotCommand command, DateTimeOffset now)
    {
        if (TenderRules.LotMissing(tender, command.LotNumber) is { } missing)
            return missing;
        if (TenderRules.LotsFrozen(tender, now) is { } frozen)
            return frozen;
        return Decision.Accept(new LotRemoved(tender.Id, command.LotNumber, command.Actor, now));
    }
}
