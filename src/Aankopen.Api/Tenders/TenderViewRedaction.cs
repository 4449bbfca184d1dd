using Aankopen.Api.Shared.Security;
using Aankopen.Contracts.Api.V1;

namespace Aankopen.Api.Tenders;

/// <summary>
/// What an administration's user sees of a tender, on every answer that carries one (reads and writes alike).
/// Shared by design among the participants: the tender and its lots as the cell set them up, who takes part in
/// which lot (the matrix), and each administration's awarded share (the award is public, and everyone can check that
/// the shares add up). Their own only: estimates, quantities and budget lines (opt-ins, matrix cells, shares) and the
/// totals per administration. A tender that involves none of the user's administrations is not found.
/// The purchasing cell and auditors see everything.
/// </summary>
public sealed class TenderViewRedaction : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var scope = context.HttpContext.ScopeOf();
        if (scope.SeesAll || result is not Microsoft.AspNetCore.Http.HttpResults.Ok<TenderView> { Value: { } view })
            return result;
        if (!Involves(view, scope))
            return TenderWrites.TenderNotFound(context.HttpContext, view.Id);
        return TypedResults.Ok(For(view, scope.Administrations));
    }

    private static bool Involves(TenderView view, UserScope scope) =>
        view.InvitedAdministrations.Any(scope.Administrations.Contains) || scope.Administrations.Contains(view.LeadAdministration);

    public static TenderView For(TenderView view, IReadOnlySet<string> own)
    {
        ShareView Share(ShareView s) => own.Contains(s.Administration) ? s : s with { BudgetLine = "" };
        return view with
        {
            Lots = view.Lots.Select(l => l with
            {
                OptIns = l.OptIns.Where(o => own.Contains(o.Administration)).ToArray(),
                Award = l.Award is null ? null : l.Award with { Shares = l.Award.Shares.Select(Share).ToArray() },
                Running = l.Running is null ? null : l.Running with { Shares = l.Running.Shares.Select(Share).ToArray() },
            }).ToArray(),
            Matrix = view.Matrix with
            {
                Rows = view.Matrix.Rows.Select(r => r with
                {
                    Cells = r.Cells.Select(c => own.Contains(c.Administration) ? c : c with { EstimatedAmountExclVat = null, EstimatedQuantity = null }).ToArray(),
                }).ToArray(),
            },
            Totals = view.Totals.Where(t => own.Contains(t.Administration)).ToArray(),
        };
    }
}
