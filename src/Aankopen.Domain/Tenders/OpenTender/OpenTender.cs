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
    string Actor,
    Arrangement Arrangement = Arrangement.Joint);

public static class OpenTenderDecider
{
    public static Decision Decide(OpenTenderCommand command, AdministrationDirectory administrations, DateTimeOffset now)
    {
        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.Reference, "reference", 50, "reference"),
            InputChecks.MissingText(command.TitleNl, "titleNl", 200, "title-nl"),
            InputChecks.MissingText(command.TitleFr, "titleFr", 200, "title-fr"),
        };

        if (!CpvCode.TryParse(command.MainCpv, out var cpv))
            errors.Add(InputChecks.InvalidCpv(command.MainCpv, "mainCpv"));
        else if (command.Subject is { } subject && subject != cpv.Value.Subject
                 && !(subject == ContractSubject.SocialServices && cpv.Value.Subject == ContractSubject.Services))
            errors.Add(DomainError.Invalid("subject-mismatch", "subject", cpv.Value, cpv.Value.Division, Spoken.Subject(cpv.Value.Subject), Spoken.Subject(subject)));

        var invited = command.InvitedAdministrations ?? [];
        foreach (var code in invited.Where(code => !administrations.Contains(code)).Take(5))
            errors.Add(InputChecks.UnknownAdministration(code, "invitedAdministrations", administrations.All.Select(a => a.Code)));
        if (invited.Count > administrations.All.Count)
            errors.Add(DomainError.Invalid("invited-too-many", "invitedAdministrations", administrations.All.Count));
        if (invited.Count == 0)
            errors.Add(DomainError.Invalid("invited-required", "invitedAdministrations"));
        if (invited.Distinct().Count() != invited.Count)
            errors.Add(DomainError.Invalid("invited-duplicate", "invitedAdministrations"));
        if (!invited.Contains(command.LeadAdministration))
            errors.Add(DomainError.Invalid("lead-not-invited", "leadAdministration", InputChecks.Shorten(command.LeadAdministration)));
        if (command.Arrangement == Arrangement.OnBehalf && !invited.Any(code => code != command.LeadAdministration))
            errors.Add(DomainError.Invalid("on-behalf-of-nobody", "invitedAdministrations", InputChecks.Shorten(command.LeadAdministration)));
        if (command.OptInDeadline <= now)
            errors.Add(DomainError.Invalid("deadline-in-past", "optInDeadline"));
        else if (command.OptInDeadline > now.AddYears(2))
            errors.Add(DomainError.Invalid("deadline-too-far", "optInDeadline"));

        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        return Decision.Accept(new TenderOpened(
            command.TenderId, command.Reference.Trim(), command.TitleNl.Trim(), command.TitleFr.Trim(), cpv!.Value.Value,
            command.Subject ?? cpv.Value.Subject, command.Procedure.ToString(), command.LeadAdministration, invited, command.OptInDeadline,
            command.Draft, command.Actor, now, command.Arrangement == Arrangement.OnBehalf ? Arrangement.OnBehalf : null));
    }
}
