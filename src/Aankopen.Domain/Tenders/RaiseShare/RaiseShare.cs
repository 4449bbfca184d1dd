using Aankopen.Domain.Administrations;

namespace Aankopen.Domain.Tenders.RaiseShare;

/// <param name="AmountExclVat">How much more the administration may order in the contract's current period (the one the
/// last renewal started; the period before it, if it still runs, keeps its ceiling).</param>
public sealed record RaiseShareCommand(Administration Administration, int LotNumber, decimal AmountExclVat, string Reason, string Actor);

public static class RaiseShareDecider
{
    public static Decision Decide(JointTender tender, RaiseShareCommand command, DateTimeOffset now)
    {
        if ((TenderRules.Cancelled(tender) ?? OrderRules.NoFrameworkShare(tender, command.LotNumber, command.Administration)) is { } refused)
            return refused;
        var errors = new List<DomainError?>
        {
            InputChecks.NotPositiveAmount(command.AmountExclVat, "amountExclVat"),
            InputChecks.MissingText(command.Reason, "reason", 1000, "raise-reason"),
        };
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);
        var lot = tender.Lots[command.LotNumber];
        return Decision.Accept(new ShareCeilingRaised(tender.Id, lot.Number, command.Administration.Code, lot.Running!.Renewals, command.AmountExclVat,
            command.Reason.Trim(), command.Actor, now));
    }
}
