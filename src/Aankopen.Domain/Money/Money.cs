namespace Aankopen.Domain;

public static class Money
{
    /// <summary>The VAT rates a Belgian finance system books: 0, 6, 12 and 21 %.</summary>
    public static readonly IReadOnlySet<decimal> BelgianVatRates = new HashSet<decimal> { 0m, 6m, 12m, 21m };

    /// <summary>
    /// No joint tender of a local government comes near ten billion euro; anything above is a typing error, and the
    /// cap keeps every product and sum far inside decimal's range.
    /// </summary>
    public const decimal MaximumAmount = 10_000_000_000m;

    public static bool IsWholeCents(decimal amount) => decimal.Round(amount, 2) == amount;

    public static bool IsPositiveAmount(decimal amount) => amount > 0 && IsWholeCents(amount);

    /// <summary>Adds VAT and rounds half away from zero to the cent, as invoices do.</summary>
    public static decimal InclVat(decimal amountExclVat, decimal vatRatePercent) =>
        ToCents(amountExclVat * (100 + vatRatePercent) / 100);

    /// <summary>
    /// Rounds half away from zero to the cent and always keeps two decimals (250.00, not 250), so every amount a
    /// finance system receives is written the same way.
    /// </summary>
    public static decimal ToCents(decimal amount) => decimal.Round(amount + 0.00m, 2, MidpointRounding.AwayFromZero);
}
