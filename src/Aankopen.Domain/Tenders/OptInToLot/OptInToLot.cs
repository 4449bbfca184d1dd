namespace Aankopen.Domain.Tenders.OptInToLot;

public sealed record OptInCommand(
    int LotNumber,
    string Administration,
    decimal? EstimatedAmountExclVat,
    decimal? EstimatedQuantity,
    string BudgetLine,
    string Actor);

public static class OptInDecider
{
    public const decimal MaxQuantity = 1_000_000_000m;

    public static Decision Decide(JointTender tender, OptInCommand command, DateTimeOffset now)
    {
        if (TenderRules.OptInUnchangeable(tender, command.LotNumber, command.Administration, now) is { } refused)
            return refused;

        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.BudgetLine, "budgetLine", 100, "budget-line"),
        };
        if (command.EstimatedAmountExclVat is null && command.EstimatedQuantity is null)
            errors.Add(DomainError.Invalid("estimate-required", "estimatedAmountExclVat"));
        if (command.EstimatedAmountExclVat is { } amount)
            errors.Add(InputChecks.NotPositiveAmount(amount, "estimatedAmountExclVat"));
        if (command.EstimatedQuantity is { } quantity && (quantity <= 0 || quantity > MaxQuantity || decimal.Round(quantity, 3) != quantity))
            errors.Add(DomainError.Invalid("quantity-invalid", "estimatedQuantity", Spoken.Number(quantity), Spoken.Number(MaxQuantity)));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        return Decision.Accept(new OptedIn(tender.Id, command.LotNumber, command.Administration,
            command.EstimatedAmountExclVat, command.EstimatedQuantity, command.BudgetLine.Trim(), command.Actor, now));
    }
}
