namespace Aankopen.Cli;

/// <summary>What the command line says to a person, in Dutch or French (<c>--lang</c>, else the LANG of the shell).</summary>
internal sealed record Texts(bool French)
{
    public static bool PrefersFrench(string? lang) =>
        (lang ?? Environment.GetEnvironmentVariable("LANG") ?? "").StartsWith("fr", StringComparison.OrdinalIgnoreCase);

    public string Language => French ? "fr-BE" : "nl-BE";

    public string Say(string nl, string fr) => French ? fr : nl;

    public string NoTenders => Say("Geen opdrachten gevonden.", "Aucun marché trouvé.");
    public string TendersHeader => Say("Referentie | Status | Percelen | Geraamd excl. btw | Titel", "Référence | Statut | Lots | Estimé HTVA | Titre");
    public string Written(string file, long bytes) => Say($"{bytes} bytes geschreven naar {file}.", $"{bytes} octets écrits dans {file}.");
    public string NoFailed(string administration) => Say($"Geen mislukte berichten voor {administration}.", $"Aucun message en échec pour {administration}.");
    public string Replayed(int count, string administration) =>
        Say($"{count} bericht(en) van {administration} opnieuw aangeboden; het financieel pakket boekt elk maar één keer.",
            $"{count} message(s) de {administration} renvoyé(s) ; le système comptable ne comptabilise chacun qu'une fois.");
    public string Rebuilt(int projections, int tenders, int participations) =>
        Say($"{projections} projecties opnieuw opgebouwd: {tenders} opdrachten, {participations} deelnames.",
            $"{projections} projections reconstruites : {tenders} marchés, {participations} participations.");
    public string Unreachable(Uri api, string reason) =>
        Say($"De API op {api} is niet bereikbaar: {reason}. Controleer --api of AANKOPEN_API.",
            $"L'API à {api} est injoignable : {reason}. Vérifiez --api ou AANKOPEN_API.");
    public string Refused(int status) => Say($"De API weigerde (HTTP {status}):", $"L'API a refusé (HTTP {status}) :");
}
