using Aankopen.Contracts.FinanceSystem.V1;

namespace Aankopen.FinanceSimulator;

/// <summary>
/// The finance-system HTTP contract, as an administration's finance package would implement it: book commitments,
/// reserve provisionally, release. Each simulated system lives under <c>/systems/{code}/</c>, only accepts its own
/// administration, and acts once per idempotency key.
/// </summary>
public static class CommitmentEndpoints
{
    public const string ContractDocument = "finance-system";

    public static IEndpointRouteBuilder MapCommitmentEndpoints(this IEndpointRouteBuilder app)
    {
        var contract = app.MapGroup("/systems/{system}").WithGroupName(ContractDocument).WithTags("Finance system");
        contract.MapPost("/commitments", (string system, CommitmentRequest request, HttpContext http, Ledgers ledgers, TimeProvider clock, CancellationToken ct) =>
                BookAsync(system, request.AdministrationCode, request, l => l.Commitments, "commitments", http, ledgers, clock, ct))
            .WithName("BookCommitment").WithSummary("Book a budget commitment for a fixed contract's award or renewal, or for an order under a framework agreement")
            .Produces<Receipt>(201).Produces<Receipt>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(422).ProducesProblem(500);
        contract.MapPost("/reservations", (string system, ReservationRequest request, HttpContext http, Ledgers ledgers, TimeProvider clock, CancellationToken ct) =>
                BookAsync(system, request.AdministrationCode, request, l => l.Reservations, "reservations", http, ledgers, clock, ct))
            .WithName("Reserve").WithSummary("Reserve provisionally for an opt-in, change the reservation, or drop it")
            .WithDescription("Reservations travel apart from awards and releases, so one may arrive after the lot's award (commitment or framework ceiling) or release for this administration. Such a late reservation changes nothing: answer it as any other (201, or 200 for a repeated key) and leave the lot's booking as the award or release left it.")
            .Produces<Receipt>(201).Produces<Receipt>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(422).ProducesProblem(500);
        contract.MapPost("/releases", (string system, ReleaseRequest request, HttpContext http, Ledgers ledgers, TimeProvider clock, CancellationToken ct) =>
                BookAsync(system, request.AdministrationCode, request, l => l.Releases, "releases", http, ledgers, clock, ct))
            .WithName("Release").WithSummary("Release what was reserved or committed for a lot")
            .Produces<Receipt>(201).Produces<Receipt>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(422).ProducesProblem(500);

        contract.MapPost("/frameworks", (string system, FrameworkRequest request, HttpContext http, Ledgers ledgers, TimeProvider clock, CancellationToken ct) =>
                BookAsync(system, request.AdministrationCode, request, l => l.Frameworks, "frameworks", http, ledgers, clock, ct))
            .WithName("AnnounceFramework").WithSummary("Record the administration's ceiling under a framework agreement for one period; nothing is committed")
            .Produces<Receipt>(201).Produces<Receipt>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(422).ProducesProblem(500);

        contract.MapPost("/memberships", (string system, MembershipRequest request, HttpContext http, Ledgers ledgers, TimeProvider clock, CancellationToken ct) =>
                BookAsync(system, request.AdministrationCode, request, l => l.Memberships, "memberships", http, ledgers, clock, ct))
            .WithName("RecordMembership").WithSummary("Record the administration's membership of a purchasing central after a change")
            .Produces<Receipt>(201).Produces<Receipt>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(422).ProducesProblem(500);

        // The sandbox around the contract: what was booked, what was refused, and faults to inject.
        var sandbox = app.MapGroup("/systems/{system}").ExcludeFromDescription();
        sandbox.MapGet("/commitments", (string system, Ledgers ledgers) => TypedResults.Ok(ledgers.For(system).Commitments.All));
        sandbox.MapGet("/reservations", (string system, Ledgers ledgers) => TypedResults.Ok(ledgers.For(system).Reservations.All));
        sandbox.MapGet("/releases", (string system, Ledgers ledgers) => TypedResults.Ok(ledgers.For(system).Releases.All));
        sandbox.MapGet("/memberships", (string system, Ledgers ledgers) => TypedResults.Ok(ledgers.For(system).Memberships.All));
        sandbox.MapGet("/frameworks", (string system, Ledgers ledgers) => TypedResults.Ok(ledgers.For(system).Frameworks.All));
        sandbox.MapGet("/rejections", (string system, Ledgers ledgers) => TypedResults.Ok(ledgers.For(system).Rejections));
        sandbox.MapGet("/faults", (string system, Ledgers ledgers) => TypedResults.Ok(ledgers.For(system).Faults.Current));
        sandbox.MapPut("/faults", (string system, FaultRequest fault, Ledgers ledgers) =>
        {
            ledgers.For(system).Faults.Set(fault);
            return TypedResults.Ok(fault);
        });
        sandbox.MapPut("/credential", (string system, CredentialRequest credential, Ledgers ledgers) =>
        {
            ledgers.For(system).RequiredToken = string.IsNullOrWhiteSpace(credential.Token) ? null : credential.Token;
            return TypedResults.NoContent();
        });
        sandbox.MapDelete("/faults", (string system, Ledgers ledgers) =>
        {
            ledgers.For(system).Faults.Set(new FaultRequest(FaultMode.None));
            return TypedResults.NoContent();
        });
        return app;
    }

    private static async Task<IResult> BookAsync<TRequest>(
        string system, string administration, TRequest request, Func<Ledger, Journal<TRequest>> journal, string path,
        HttpContext http, Ledgers ledgers, TimeProvider clock, CancellationToken ct)
    {
        var key = http.Request.Headers[FinanceSystemHeaders.IdempotencyKey].ToString();
        if (string.IsNullOrWhiteSpace(key))
            return TypedResults.Problem(statusCode: 400, title: "Idempotency-Key ontbreekt / manquant",
                detail: "Stuur een Idempotency-Key-header mee zodat een herhaalde oproep maar één keer geboekt wordt. / Envoyez un en-tête Idempotency-Key pour qu'un appel répété ne soit comptabilisé qu'une fois.");

        var ledger = ledgers.For(system);
        if (ledger.RequiredToken is { } token && http.Request.Headers.Authorization.ToString() != $"Bearer {token}")
            return TypedResults.Problem(statusCode: 401, title: "Niet aangemeld / Non authentifié",
                detail: "Stuur het token van dit financieel pakket mee als Authorization: Bearer. / Envoyez le jeton de ce système comptable en Authorization: Bearer.");
        var fault = ledger.Faults.Next(request switch
        {
            CommitmentRequest c => c.TenderReference,
            ReservationRequest r => r.TenderReference,
            ReleaseRequest r => r.TenderReference,
            FrameworkRequest f => f.TenderReference,
            _ => null,
        });
        if (fault.Mode is FaultMode.Timeout or FaultMode.Slow)
            await Task.Delay(TimeSpan.FromSeconds(fault.DelaySeconds), clock, ct);
        if (fault.Mode == FaultMode.Fail)
            return TypedResults.Problem(statusCode: 500, title: "Gesimuleerde storing / Panne simulée", detail: "Deze fout werd opgevraagd via /faults. / Cette erreur a été demandée via /faults.");
        if (fault.Mode == FaultMode.Refuse)
            return TypedResults.Problem(statusCode: 422, title: "Gesimuleerde weigering / Refus simulé",
                detail: "Deze boeking werd geweigerd zoals opgevraagd via /faults. / Cette écriture a été refusée comme demandé via /faults.");
        if (fault.Mode == FaultMode.Timeout)
            return TypedResults.Problem(statusCode: 504, title: "Gesimuleerde time-out / Délai dépassé simulé");

        if (!string.Equals(administration, system, StringComparison.OrdinalIgnoreCase))
        {
            ledger.Reject(key, $"administration {administration} is not {system}", request!, clock.GetUtcNow());
            return TypedResults.Problem(statusCode: 422, title: "Verkeerd bestuur / Mauvaise administration",
                detail: $"Dit financieel pakket boekt enkel voor {system}, niet voor {administration}. / Ce système comptable ne comptabilise que pour {system}, pas pour {administration}.");
        }

        // Noted before it is booked: a reservation of the same lot, checked on another thread meanwhile, is superseded.
        ledger.Note(request!);
        var (entry, replayed) = journal(ledger).Book(key, request, clock.GetUtcNow(),
            http.Request.Headers.TryGetValue("traceparent", out var trace) ? trace.ToString() : null,
            superseded: request is ReservationRequest reservation && ledger.Settled(reservation));
        var receipt = new Receipt(entry.Id, key, entry.BookedAt, replayed);
        return replayed ? TypedResults.Ok(receipt) : TypedResults.Created($"/systems/{system}/{path}/{entry.Id}", receipt);
    }
}

/// <summary>The sandbox's request to ask a bearer token of every call (an empty token asks none again).</summary>
public sealed record CredentialRequest(string? Token);
