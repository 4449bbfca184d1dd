using Aankopen.Domain.Administrations;

namespace Aankopen.Domain.Tenders.PlaceOrder;

/// <param name="AmountInclVat">What the supplier will invoice; null for the amount excl. VAT plus VAT at the lot's rate.</param>
/// <param name="BudgetLine">Null for the budget line of the administration's share.</param>
public sealed record PlaceOrderCommand(
    Administration Administration,
    int LotNumber,
    DateOnly OrderedOn,
    string Reference,
    decimal AmountExclVat,
    decimal? AmountInclVat,
    string? BudgetLine,
    string Actor);

public static class PlaceOrderDecider
{
    public static Decision Decide(JointTender tender, PlaceOrderCommand command, DateTimeOffset now)
    {
        if ((TenderRules.Cancelled(tender) ?? OrderRules.NoFrameworkShare(tender, command.LotNumber, command.Administration, previousToo: true)) is { } refused)
            return refused;
        var lot = tender.Lots[command.LotNumber];
        var running = lot.Running!;
        var code = command.Administration.Code;
        // An order counts in the period of its date: the current one, or the one before while it still runs after a
        // renewal recorded ahead of time, or for an order entered late.
        var renewal = running.Previous is { } previous && previous.Holds(command.OrderedOn) ? previous.Renewal : running.Renewals;

        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.Reference, "reference", 100, "order-reference"),
            InputChecks.NotPositiveAmount(command.AmountExclVat, "amountExclVat"),
            command.BudgetLine is null ? null : InputChecks.MissingText(command.BudgetLine, "budgetLine", 100, "budget-line"),
            command.OrderedOn > BrusselsCalendar.DateOf(now)
                ? DomainError.Invalid("order-date-future", "orderedOn", Spoken.Date(command.OrderedOn))
                : renewal == running.Renewals && (command.OrderedOn < running.PeriodStart || command.OrderedOn > running.PeriodEnd)
                    ? DomainError.Invalid("order-date-outside-period", "orderedOn", Spoken.Date(command.OrderedOn),
                        Spoken.Date(running.Previous?.Start ?? running.PeriodStart), Spoken.Date(running.PeriodEnd))
                    : null,
        };
        if (command.AmountInclVat is { } inclVat && errors[1] is null && InclVatUnfit(command.AmountExclVat, inclVat, lot.VatRate))
            errors.Add(DomainError.Invalid("order-incl-vat-invalid", "amountInclVat", Spoken.Euro(inclVat), Spoken.Euro(Money.InclVat(command.AmountExclVat, lot.VatRate))));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        // Its share of that period: one that left at the renewal orders only in the period before.
        if (running.SharesOf(renewal)?.FirstOrDefault(s => s.Administration == code) is not { } share)
            return DomainError.Conflict("order-no-share-then", Spoken.Names(command.Administration.NameNl, command.Administration.NameFr), lot.Number,
                Spoken.Date(command.OrderedOn));
        var consumption = Consumption.Of(lot, renewal, share);
        var reference = command.Reference.Trim();
        if (lot.Orders.Find(o => o.Administration == code && string.Equals(o.Reference, reference, StringComparison.OrdinalIgnoreCase)) is { } earlier)
            return DomainError.Conflict("order-reference-used", reference, earlier.Number, Spoken.Date(earlier.OrderedOn));
        // Beyond its share an administration would commit money its council never approved for this contract: the cell
        // raises the ceiling first, with a reason that stays in the history.
        if (consumption.OrderedExclVat + command.AmountExclVat > consumption.CeilingExclVat)
            return DomainError.Conflict("order-beyond-share", Spoken.Euro(command.AmountExclVat),
                Spoken.Names(command.Administration.NameNl, command.Administration.NameFr), Spoken.Euro(consumption.OrderedExclVat),
                Spoken.Euro(consumption.CeilingExclVat), Spoken.Euro(consumption.RemainingExclVat));

        return Decision.Accept(new OrderRecorded(tender.Id, lot.Number, tender.OrderCount + 1, code, renewal, command.OrderedOn,
            reference, Money.ToCents(command.AmountExclVat), Money.ToCents(command.AmountInclVat ?? Money.InclVat(command.AmountExclVat, lot.VatRate)),
            command.BudgetLine?.Trim() ?? share.BudgetLine, command.Actor, now));
    }

    /// <summary>
    /// The supplier's invoice carries VAT at the lot's rate, or at a lower one for some articles (books, food), never
    /// less than the amount excl. VAT nor more than VAT at 21 %.
    /// </summary>
    private static bool InclVatUnfit(decimal exclVat, decimal inclVat, decimal vatRate) =>
        !Money.IsWholeCents(inclVat) || inclVat < exclVat || inclVat > Money.InclVat(exclVat, Math.Max(vatRate, 21m));
}
