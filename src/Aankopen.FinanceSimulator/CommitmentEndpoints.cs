using Aankopen.Contracts.FinanceSystem.V1;

namespace Aankopen.FinanceSimulator;

/// <summary>
/// The finance-system HTTP contract, as an administration's finance package would implement it. Each simulated
/// system lives under <c>/systems/{code}/</c> and only books commitments of its own administration.
/// </summary>
public static class CommitmentEndpoints
{
    public static IEndpointRouteBuilder MapCommitmentEndpoints(this IEndpointRouteBuilder app)
    {
        var system = app.MapGroup("/systems/{system}");
        system.MapPost("/commitments", Book);
        system.MapGet("/commitments", (string system, Ledgers ledgers) => TypedResults.Ok(ledgers.For(system).Bookings));
        system.MapGet("/rejections", (string system, Ledgers ledgers) => TypedResults.Ok(ledgers.For(system).Rejections));
        return app;
    }

    public static IResult Book(string system, CommitmentRequest request, HttpContext http, Ledgers ledgers, TimeProvider clock)
    {
        var key = http.Request.Headers[FinanceSystemHeaders.IdempotencyKey].ToString();
        if (string.IsNullOrWhiteSpace(key))
            return TypedResults.Problem(statusCode: 400, title: "Idempotency-Key ontbreekt / manquant",
                detail: "Stuur een Idempotency-Key-header mee zodat een herhaalde oproep maar één keer geboekt wordt. / Envoyez un en-tête Idempotency-Key.");

        var ledger = ledgers.For(system);
        if (!string.Equals(request.AdministrationCode, system, StringComparison.OrdinalIgnoreCase))
        {
            ledger.Reject(key, $"administration {request.AdministrationCode} is not {system}", request, clock.GetUtcNow());
            return TypedResults.Problem(statusCode: 422, title: "Verkeerd bestuur / Mauvaise administration",
                detail: $"Dit financieel pakket boekt enkel voor {system}, niet voor {request.AdministrationCode}. / Ce système comptable ne comptabilise que pour {system}.");
        }

        var (booking, replayed) = ledger.Book(key, request, clock.GetUtcNow());
        var receipt = new CommitmentReceipt(booking.CommitmentId, key, booking.BookedAt, replayed);
        return replayed ? TypedResults.Ok(receipt) : TypedResults.Created($"/systems/{system}/commitments/{booking.CommitmentId}", receipt);
    }
}
