namespace Aankopen.Domain.Tenders.WithdrawOptIn;

public sealed record WithdrawOptInCommand(int LotNumber, string Administration, string Actor);

public static class WithdrawOptInDecider
{
    public static Decision Decide(JointTender tender, WithdrawOptInCommand command, DateTimeOffset now)
    {
        if (TenderRules.OptInUnchangeable(tender, command.LotNumber, command.Administration, now) is { } refused)
            return refused;
        if (tender.Lots[command.LotNumber].OptInOf(command.Administration) is null)
            return DomainError.NotFound("opt-in-not-found", command.Administration, command.LotNumber, tender.Reference);
        return Decision.Accept(new OptInWithdrawn(tender.Id, command.LotNumber, command.Administration, command.Actor, now));
    }
}
