using Aankopen.Domain.Administrations;

namespace Aankopen.Domain.Tenders.OpenTender;

public sealed record OpenTenderCommand(
    Guid TenderId,
    string Reference,
    string TitleNl,
    string TitleFr,
    string MainCpv,
    Procedure Procedure,
    string LeadAdministration,
    IReadOnlyList<string> InvitedAdministrations,
    DateTimeOffset OptInDeadline,
    ContractSubject? Subject,
    bool Draft,
    string Actor);

public static class OpenTenderDecider
{
    public static Decision Decide(OpenTenderCommand command, AdministrationDirectory administrations, DateTimeOffset now)
    {
        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.Reference, "reference", 50, "een referentie", "une référence"),
            InputChecks.MissingText(command.TitleNl, "titleNl", 200, "een Nederlandse titel", "un intitulé en néerlandais"),
            InputChecks.MissingText(command.TitleFr, "titleFr", 200, "een Franse titel", "un intitulé en français"),
        };

        if (!CpvCode.TryParse(command.MainCpv, out var cpv))
            errors.Add(InputChecks.InvalidCpv(command.MainCpv, "mainCpv"));
        else if (command.Subject is { } subject && subject != cpv.Value.Subject
                 && !(subject == ContractSubject.SocialServices && cpv.Value.Subject == ContractSubject.Services))
            errors.Add(DomainError.Invalid("subject-mismatch", "subject",
                $"Hoofd-CPV-code {cpv.Value} (afdeling {cpv.Value.Division:00}) hoort bij {SubjectNl(cpv.Value.Subject)}, niet bij {SubjectNl(subject)}; laat het onderwerp weg of kies een andere CPV-code.",
                $"Le code CPV principal {cpv.Value} (division {cpv.Value.Division:00}) relève des {SubjectFr(cpv.Value.Subject)}, pas des {SubjectFr(subject)} ; omettez l'objet ou choisissez un autre code CPV."));

        var invited = command.InvitedAdministrations ?? [];
        foreach (var code in invited.Where(code => !administrations.Contains(code)).Take(5))
            errors.Add(InputChecks.UnknownAdministration(code, "invitedAdministrations", administrations.All.Select(a => a.Code)));
        if (invited.Count > administrations.All.Count)
            errors.Add(DomainError.Invalid("invited-too-many", "invitedAdministrations",
                $"Er zijn maar {administrations.All.Count} besturen gekend; nodig elk hoogstens één keer uit.",
                $"Seules {administrations.All.Count} administrations sont connues ; invitez chacune au plus une fois."));
        if (invited.Count == 0)
            errors.Add(DomainError.Invalid("invited-required", "invitedAdministrations",
                "Nodig minstens één bestuur uit.", "Invitez au moins une administration."));
        if (invited.Distinct().Count() != invited.Count)
            errors.Add(DomainError.Invalid("invited-duplicate", "invitedAdministrations",
                "Elk bestuur mag maar één keer uitgenodigd worden.", "Chaque administration ne peut être invitée qu'une fois."));
        if (!invited.Contains(command.LeadAdministration))
            errors.Add(DomainError.Invalid("lead-not-invited", "leadAdministration",
                $"Het trekkende bestuur '{InputChecks.Shorten(command.LeadAdministration)}' moet een van de uitgenodigde besturen zijn.",
                $"L'administration pilote '{InputChecks.Shorten(command.LeadAdministration)}' doit faire partie des administrations invitées."));
        if (command.OptInDeadline <= now)
            errors.Add(DomainError.Invalid("deadline-in-past", "optInDeadline",
                "De intekentermijn moet in de toekomst liggen.", "Le délai d'adhésion doit se situer dans le futur."));
        else if (command.OptInDeadline > now.AddYears(2))
            errors.Add(DomainError.Invalid("deadline-too-far", "optInDeadline",
                "De intekentermijn ligt hoogstens twee jaar in de toekomst.", "Le délai d'adhésion se situe au plus deux ans dans le futur."));

        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        return Decision.Accept(new TenderOpened(
            command.TenderId, command.Reference.Trim(), command.TitleNl.Trim(), command.TitleFr.Trim(), cpv!.Value.Value,
            command.Subject ?? cpv.Value.Subject, command.Procedure.ToString(), command.LeadAdministration, invited, command.OptInDeadline,
            command.Draft, command.Actor, now));
    }

    private static string SubjectNl(ContractSubject subject) => Wording.Subject(subject, french: false);

    private static string SubjectFr(ContractSubject subject) => Wording.Subject(subject, french: true);
}
