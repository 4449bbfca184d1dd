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
            return DomainError.Conflict("opt-in-still-open", state.Reference);
        if (state.Status == TenderStatus.Published)
            return DomainError.Conflict("already-published", state.Reference, state.PublicationReference, Spoken.Date(state.PublishedOn));
        if (!state.LiveLots.Any())
            return DomainError.Conflict("no-lots-left", state.Reference);

        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.PublicationReference, "publicationReference", 100, "publication-reference"),
        };
        var today = BrusselsCalendar.DateOf(now);
        if (command.PublishedOn > today.AddDays(1) || command.PublishedOn < BrusselsCalendar.DateOf(state.OpenedAt))
            errors.Add(DomainError.Invalid("publication-date-invalid", "publishedOn", Spoken.Date(state.OpenedAt)));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        return Decision.Accept([.. closing,
            new TenderPublished(state.Id, command.PublicationReference.Trim(), command.PublishedOn, command.Actor, now)]);
    }
}
