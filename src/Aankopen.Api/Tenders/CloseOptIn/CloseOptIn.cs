using Aankopen.Api.Shared;

namespace Aankopen.Api.Tenders.CloseOptIn;

public sealed record CloseOptInCommand(string Actor);

public static class CloseOptInDecider
{
    /// <summary>Closing is allowed before the deadline too: the purchasing cell may close once everyone has answered.</summary>
    public static Decision Decide(JointTender tender, CloseOptInCommand command, DateTimeOffset now)
    {
        if (tender.Status != TenderStatus.OpenForOptIn)
            return DomainError.Conflict("opt-in-already-closed",
                $"De intekening voor {tender.Reference} is al afgesloten.",
                $"L'adhésion au marché {tender.Reference} est déjà clôturée.");

        var dropped = tender.Lots.Values.Where(lot => lot.OptIns.IsEmpty).Select(lot => lot.Number).ToArray();
        return Decision.Accept(new OptInClosed(tender.Id, dropped, command.Actor, now));
    }
}
