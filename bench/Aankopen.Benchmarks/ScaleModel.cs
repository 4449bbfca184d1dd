using Aankopen.Domain;
using Aankopen.Domain.Administrations;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AddLot;
using Aankopen.Domain.Tenders.AwardLot;
using Aankopen.Domain.Tenders.CloseOptIn;
using Aankopen.Domain.Tenders.OpenTender;
using Aankopen.Domain.Tenders.OptInToLot;
using Aankopen.Domain.Tenders.PublishTender;
using Aankopen.Domain.Tenders.RecordDecision;
using Aankopen.Domain.Tenders.Renewals;
using Aankopen.Store.Administrations;
using Marten;

namespace Aankopen.Benchmarks;

/// <summary>
/// Generated history for measuring at size: municipality groups (a city and its OCMW each) running joint tenders
/// year after year, every event decided by the service's own deciders (so the data is what the service would have
/// recorded) and appended through the service's own store configuration, inline read models included. Each tender:
/// opened, two lots, both administrations opting in to both, closed, published, both lots awarded with renewable
/// framework contracts, then renewed or ended as the scheduler would have done by <see cref="Today"/>.
/// </summary>
public sealed class ScaleModel(IDocumentStore store, IReadOnlyList<(string City, string Ocmw)> groups, int firstYear, int years)
{
    public static readonly DateOnly Today = new(2026, 11, 24);
    private const string Cell = "bench-cell@aankopen.example";

    /// <summary>A city and its OCMW per group, with codes that pass the administration-code rule.</summary>
    public static IReadOnlyList<(string City, string Ocmw)> Groups(int count) =>
        Enumerable.Range(1, count).Select(g => ($"G{g:D4}-STAD", $"G{g:D4}-OCMW")).ToArray();

    public AdministrationDirectory Directory { get; } = AdministrationDirectory.Of(groups.SelectMany((g, i) => new[]
    {
        new Administration(g.City, $"Stad {i + 1}", $"Ville {i + 1}", EnterpriseNumber(2 * i), AdministrationKind.City),
        new Administration(g.Ocmw, $"OCMW {i + 1}", $"CPAS {i + 1}", EnterpriseNumber(2 * i + 1), AdministrationKind.Ocmw),
    }));

    /// <summary>A well-formed Belgian enterprise number: eight digits after a leading 0, then 97 minus their remainder.</summary>
    private static string EnterpriseNumber(int n)
    {
        var body = 20_000_000L + n;
        var check = 97 - body % 97;
        var digits = $"0{body:D8}{check:D2}";
        return $"{digits[..4]}.{digits[4..7]}.{digits[7..]}";
    }

    /// <summary>Registers the administrations that are not registered yet.</summary>
    public async Task RegisterAdministrationsAsync()
    {
        await using var session = store.LightweightSession(Aankopen.Edge.Tenancy.Tenants.Default);
        var known = (await session.Query<AdministrationRecord>().Select(a => a.Id).ToListAsync()).ToHashSet();
        var now = DateTimeOffset.UtcNow;
        var missing = Directory.All.Where(a => !known.Contains(a.Code)).Select(a => AdministrationRecord.Registered(a, Cell, now)).ToArray();
        if (missing.Length > 0)
            await store.BulkInsertAsync(Aankopen.Edge.Tenancy.Tenants.Default, missing);
    }

    /// <summary>Appends tenders until at least <paramref name="events"/> events were written; how many were.</summary>
    public async Task<long> AppendAsync(long events, string referencePrefix, IProgress<long>? progress = null)
    {
        var written = 0L;
        var tenderNumber = 0;
        var random = new Random(17);
        while (written < events)
        {
            await using var session = store.LightweightSession(Aankopen.Edge.Tenancy.Tenants.Default);
            // A few hundred tenders per transaction: big enough to amortise the commit, small enough to stay light.
            for (var i = 0; i < 300 && written < events; i++, tenderNumber++)
            {
                var group = groups[tenderNumber % groups.Count];
                var year = firstYear + tenderNumber / groups.Count % years;
                var (id, stream) = Tender(group, year, $"{referencePrefix}-{tenderNumber:D7}", random);
                session.Events.StartStream<JointTender>(id, stream.ToArray());
                written += stream.Count;
            }
            await session.SaveChangesAsync();
            progress?.Report(written);
        }
        return written;
    }

    /// <summary>A tender of the first group open for opt-in from <paramref name="opened"/>, with one lot: the events that open it, and its state.</summary>
    public (List<object> Events, JointTender State) OpenWithLot(Guid id, string reference, DateTimeOffset opened)
    {
        var tender = new Decided();
        Open(tender, groups[0], id, reference, Cpvs[0], opened);
        AddLot(tender, 1, Cpvs[0], 100_000m, opened);
        return (tender.Events, tender.State!);
    }

    /// <summary>Events as the deciders decide them, and the state they lead to.</summary>
    private sealed class Decided
    {
        public List<object> Events { get; } = [];
        public JointTender? State { get; private set; }

        public void Apply(Decision decision)
        {
            if (decision.IsRefused)
                throw new InvalidOperationException($"The generator asked for something the service refuses: {decision.Errors[0].Code} {decision.Errors[0].Nl}");
            foreach (var e in decision.Events)
            {
                Events.Add(e);
                State = JointTender.Transition(State, e);
            }
        }
    }

    private void Open(Decided tender, (string City, string Ocmw) group, Guid id, string reference, string cpv, DateTimeOffset opened) =>
        tender.Apply(OpenTenderDecider.Decide(new OpenTenderCommand(id, reference, $"Gezamenlijke aankoop {reference}", $"Achat conjoint {reference}", cpv,
            Procedure.Open, group.City, [group.City, group.Ocmw], opened.AddDays(30), null, false, Cell), Directory, opened));

    private static void AddLot(Decided tender, int lot, string cpv, decimal estimate, DateTimeOffset opened) =>
        tender.Apply(AddLotDecider.Decide(tender.State!, new AddLotCommand(lot, new LotDetails($"Perceel {lot}", cpv, estimate, 21m,
            new ContractTerms(null, 12, true, 12, 3, 90)), Cell), opened.AddMinutes(lot)));

    private (Guid Id, List<object> Events) Tender((string City, string Ocmw) group, int year, string reference, Random random)
    {
        var opened = new DateTimeOffset(year, 1, 1, 9, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 300));
        var id = Guid.CreateVersion7(opened);
        var tender = new Decided();

        var cpv = Cpvs[random.Next(Cpvs.Length)];
        Open(tender, group, id, reference, cpv, opened);
        for (var lot = 1; lot <= 2; lot++)
        {
            var estimate = 20_000m + random.Next(0, 200) * 1_000m;
            AddLot(tender, lot, cpv, estimate, opened);
            tender.Apply(OptInDecider.Decide(tender.State!, new OptInCommand(lot, group.City, Math.Round(estimate * 0.6m, 2), null, "0100/123-48", Cell), opened.AddDays(1)));
            tender.Apply(OptInDecider.Decide(tender.State!, new OptInCommand(lot, group.Ocmw, Math.Round(estimate * 0.4m, 2), null, "0900/456-12", Cell), opened.AddDays(2)));
        }
        tender.Apply(CloseOptInDecider.Decide(tender.State!, new CloseOptInCommand(Cell), opened.AddDays(31)));
        tender.Apply(PublishTenderDecider.Decide(tender.State!, new PublishTenderCommand($"BDA-{reference}", DateOnly.FromDateTime(opened.AddDays(32).UtcDateTime), Cell), opened.AddDays(32)));
        // Each administration's own decisions, as the law asks before an award: the conditions, then each lot's award.
        var conditionsAt = opened.AddDays(33);
        foreach (var code in new[] { group.City, group.Ocmw })
            tender.Apply(RecordDecisionDecider.Decide(tender.State!, OwnDecision(code, DecisionKind.Conditions, null, conditionsAt), conditionsAt));
        var awardedAt = opened.AddDays(90);
        foreach (var lot in tender.State!.Lots.Keys.ToArray())
            foreach (var code in new[] { group.City, group.Ocmw })
                tender.Apply(RecordDecisionDecider.Decide(tender.State!, OwnDecision(code, DecisionKind.Award, lot, awardedAt.AddDays(-1)), awardedAt.AddDays(-1)));
        var start = DateOnly.FromDateTime(awardedAt.UtcDateTime).AddDays(30);
        foreach (var lot in tender.State!.Lots.Values.ToArray())
            tender.Apply(AwardLotDecider.Decide(tender.State!, new AwardLotCommand(lot.Number, $"Leverancier {random.Next(1, 500)} NV", "0403.170.701",
                Math.Round(lot.EstimatedValueExclVat * 0.93m, 2), start, start.AddMonths(lot.Terms.InitialMonths).AddDays(-1), null, Cell), awardedAt));
        // What the renewal scheduler would have recorded by today.
        tender.Apply(RenewalDeciders.Advance(tender.State!, Today, 30, new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        return (id, tender.Events);
    }

    /// <summary>A decision of the administration's usual body: the college for a city, the standing bureau for an OCMW.</summary>
    private RecordDecisionCommand OwnDecision(string code, DecisionKind kind, int? lot, DateTimeOffset on)
    {
        var administration = Directory.Find(code)!;
        var body = administration.Kind == AdministrationKind.Ocmw ? DecidingBody.StandingBureau : DecidingBody.College;
        return new(administration, kind, lot, null, body, null, DateOnly.FromDateTime(on.UtcDateTime), $"{kind}-{lot}", Cell);
    }

    private static readonly string[] Cpvs = ["30197630-1", "09310000-5", "90910000-9", "79710000-4", "15800000-6", "34110000-1"];
}
