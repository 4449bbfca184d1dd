namespace Aankopen.Cli;

/// <summary>What the command line says to a person, in Dutch or French (<c>--lang</c>, else the LANG of the shell).</summary>
internal sealed record Texts(bool French)
{
    public static bool PrefersFrench(string? lang) =>
        (lang ?? Environment.GetEnvironmentVariable("LANG") ?? "").StartsWith("fr", StringComparison.OrdinalIgnoreCase);

    public string Language => French ? "fr-BE" : "nl-BE";

    private static readonly Aankopen.Domain.TextCatalogue Messages = new("Aankopen.Cli.Texts.Messages", typeof(Texts).Assembly);

    /// <summary>A message from <c>Texts/Messages.resx</c> (Dutch) or <c>Texts/Messages.fr.resx</c> (French), with its values.</summary>
    public string Say(string key, params object?[] values) => Messages.Say(key, values, French);

    /// <summary>The messages of one language as written in its own file.</summary>
    public static IReadOnlyDictionary<string, string> Of(bool french) => Messages.Of(french);

    public string NoTenders => Say("no-tenders");
    public string TendersHeader => Say("tenders-header");
    public string Written(string file, long bytes) => Say("written", bytes, file);
    public string NoFailed(string administration) => Say("no-failed", administration);
    public string Replayed(int count, string administration) =>
        Say("replayed", count, administration);
    public string Rebuilt(int projections, int tenders, int participations) =>
        Say("rebuilt", projections, tenders, participations);
    public string Unreachable(Uri api, string reason) =>
        Say("unreachable", api, reason);
    public string Refused(int status) => Say("refused", status);
    public string NeedsWorker => Say("needs-worker");
}
