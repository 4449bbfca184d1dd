namespace Aankopen.Domain.Tenders.PublishTender;

public sealed record PublishTenderCommand(string PublicationReference, DateOnly PublishedOn, string Actor);

public static class PublishTenderDecider
{
    public static Decision Decide(JointTender tender, PublishTenderCommand command, DateTimeOffset now)
    {
        var (state, closing) = TenderRules.CloseIfDeadlinePassed(tender, now);
        if (TenderRules.Cancelled(state) is { } cancelled)
            return cancelled;
        if (state.Status is TenderStatus.Draft or TenderStatus.OpenForOptIn)
            return DomainError.Conflict("opt-in-still-open",
                $"Sluit eerst de intekening van {state.Reference} af: pas dan liggen de percelen en hun deelnemers vast.",
                $"Clôturez d'abord l'adhésion au marché {state.Reference} : les lots et leurs participants seront alors fixés.");
        if (state.Status == TenderStatus.Published)
            return DomainError.Conflict("already-published",
                $"{state.Reference} werd al bekendgemaakt ({state.PublicationReference}, {Wording.Date(state.PublishedOn, false)}).",
                $"{state.Reference} a déjà été publié ({state.PublicationReference}, {Wording.Date(state.PublishedOn, true)}).");
        if (!state.LiveLots.Any())
            return DomainError.Conflict("no-lots-left",
                $"Geen enkel perceel van {state.Reference} heeft deelnemers; annuleer de opdracht in plaats van ze bekend te maken.",
                $"Aucun lot du marché {state.Reference} n'a de participant ; annulez le marché au lieu de le publier.");

        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.PublicationReference, "publicationReference", 100,
                "de referentie van de bekendmaking (bv. het BDA-nummer)", "la référence de la publication (p. ex. le numéro BDA)"),
        };
        var today = BrusselsCalendar.DateOf(now);
        if (command.PublishedOn > today.AddDays(1) || command.PublishedOn < BrusselsCalendar.DateOf(state.OpenedAt))
            errors.Add(DomainError.Invalid("publication-date-invalid", "publishedOn",
                $"De datum van bekendmaking ligt tussen de opening van de opdracht ({Wording.Date(state.OpenedAt, false)}) en vandaag.",
                $"La date de publication se situe entre l'ouverture du marché ({Wording.Date(state.OpenedAt, true)}) et aujourd'hui."));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        return Decision.Accept([.. closing,
            new TenderPublished(state.Id, command.PublicationReference.Trim(), command.PublishedOn, command.Actor, now)]);
    }
}
