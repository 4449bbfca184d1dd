using System.Globalization;

namespace Aankopen.Domain;

/// <summary>
/// Amounts, dates and legal names as a Belgian reader writes them, in Dutch (nl-BE) or French (fr-BE), for the
/// sentences of warnings and refusals: "230.000,00 euro", "230 000,00 euros", and procedures by their names in the law
/// of 17 June 2016 on public procurement (arts. 36-42 and 92).
/// </summary>
public static class Wording
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE"), French = CultureInfo.GetCultureInfo("fr-BE");

    public static string Euro(decimal amount, bool french) =>
        amount.ToString("N2", french ? French : Dutch) + (french ? " euros" : " euro");

    /// <summary>A number as it was given (every decimal kept, as a refusal must show what was wrong), the Belgian way.</summary>
    public static string Number(decimal number, bool french) => number.ToString("#,##0.############################", french ? French : Dutch);

    /// <summary>A date in words; French writes the first of a month as an ordinal ("1er janvier").</summary>
    public static string Date(DateOnly date, bool french) =>
        date.ToString(french && date.Day == 1 ? "d'er' MMMM yyyy" : "d MMMM yyyy", french ? French : Dutch);

    /// <summary>A recorded date, or nothing when there is none.</summary>
    public static string Date(DateOnly? date, bool french) => date is { } day ? Date(day, french) : "";

    /// <summary>The Brussels calendar day of a moment.</summary>
    public static string Date(DateTimeOffset moment, bool french) => Date(BrusselsCalendar.DateOf(moment), french);

    /// <summary>A moment as Brussels clocks showed it: "27 december 2026 om 12:00", "27 décembre 2026 à 12:00".</summary>
    public static string Moment(DateTimeOffset moment, bool french)
    {
        var local = TimeZoneInfo.ConvertTime(moment, BrusselsCalendar.Zone);
        var text = Date(DateOnly.FromDateTime(local.DateTime), french) + local.ToString(french ? " 'à' HH:mm" : " 'om' HH:mm", CultureInfo.InvariantCulture);
        // The night the clocks go back shows the hour from 02:00 twice: say which one.
        if (!BrusselsCalendar.Zone.IsAmbiguousTime(moment))
            return text;
        var summer = local.Offset > BrusselsCalendar.Zone.BaseUtcOffset;
        return text + (french ? (summer ? " (heure d'été)" : " (heure d'hiver)") : (summer ? " (zomertijd)" : " (wintertijd)"));
    }

    /// <summary>The text with its first letter in upper case, for a name that starts a line or a cell.</summary>
    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A procedure by its name in the law, from the catalogue ("procedure/Open").</summary>
    public static string Procedure(string procedure, bool french) => Catalogue.Say("procedure/" + procedure, [], french);

    /// <summary>What a contract buys, as the law's thresholds name it, from the catalogue ("subject/Works").</summary>
    public static string Subject(ContractSubject subject, bool french) => Catalogue.Say("subject/" + subject, [], french);
}
