using Aankopen.Api.Administrations;
using Aankopen.Api.Shared;
using Aankopen.Api.Shared.Http;
using Aankopen.Contracts.Api.V1;
using Marten;

namespace Aankopen.Api.Tenders.OpenTender;

public static class OpenTenderEndpoint
{
    public static async Task<IResult> Handle(
        OpenTenderRequest request, HttpContext http, IDocumentSession session, AdministrationDirectory administrations,
        TimeProvider clock, CancellationToken ct)
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        if (!Enum.TryParse<Procedure>(request.Procedure, ignoreCase: true, out var procedure) || !Enum.IsDefined(procedure))
            return Problems.From(http, [DomainError.Invalid("procedure-invalid", "procedure",
                $"Procedure '{request.Procedure}' is niet gekend; kies uit {string.Join(", ", Enum.GetNames<Procedure>())}.",
                $"La procédure '{request.Procedure}' est inconnue ; choisissez parmi {string.Join(", ", Enum.GetNames<Procedure>())}.")]);

        var command = new OpenTenderCommand(Guid.CreateVersion7(), request.Reference, request.TitleNl, request.TitleFr,
            request.MainCpv, procedure, request.LeadAdministration, request.InvitedAdministrations ?? [], request.OptInDeadline, actor!);
        var decision = OpenTenderDecider.Decide(command, administrations, clock.GetUtcNow());
        if (decision.IsRefused)
            return Problems.From(http, decision.Errors);

        session.Events.StartStream<JointTender>(command.TenderId, decision.Events.ToArray());
        await session.SaveChangesAsync(ct);

        var tender = JointTender.Fold(decision.Events)!;
        var version = decision.Events.Count;
        StreamVersions.SetETag(http, version);
        return TypedResults.Created($"/api/tenders/{tender.Id}", tender.ToView(version));
    }
}
