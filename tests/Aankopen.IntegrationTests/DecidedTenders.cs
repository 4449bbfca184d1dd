using Aankopen.Domain;
using Aankopen.Domain.Administrations;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AddLot;
using Aankopen.Domain.Tenders.OpenTender;
using Shouldly;

namespace Aankopen.IntegrationTests;

/// <summary>Tenders decided by the service's own deciders, without HTTP, for tests that write to a store of their own.</summary>
public static class DecidedTenders
{
    public static AdministrationDirectory CityAndOcmw { get; } = AdministrationDirectory.Of([
        new Administration("GEMEENTE", "Gemeente", "Commune", "0207.000.176", AdministrationKind.City),
        new Administration("OCMW", "OCMW", "CPAS", "0212.000.131", AdministrationKind.Ocmw)]);

    /// <summary>Opened by the cell for the city and its OCMW, with one lot of paper: its events, and the state they lead to.</summary>
    public static (IReadOnlyList<object> Events, JointTender State) OpenedWithLot(Guid id, string reference, DateTimeOffset now)
    {
        var opened = Decide(null, _ => OpenTenderDecider.Decide(new OpenTenderCommand(id, reference, "Papier", "Papier", "30197630-1",
            Procedure.Open, "GEMEENTE", ["GEMEENTE", "OCMW"], now.AddDays(30), null, false, TestUsers.Cell), CityAndOcmw, now));
        var withLot = Decide(opened.State, t => AddLotDecider.Decide(t, new AddLotCommand(1, new LotDetails("Papier", "30197630-1", 50_000m, 21m,
            new ContractTerms(null, 12, true, 12, 3, 90)), TestUsers.Cell), now));
        return ([.. opened.Events, .. withLot.Events], withLot.State);
    }

    /// <summary>What <paramref name="decide"/> decides on <paramref name="state"/>, which it must not refuse, and the state after it.</summary>
    public static (IReadOnlyList<object> Events, JointTender State) Decide(JointTender? state, Func<JointTender, Decision> decide)
    {
        var decision = decide(state!);
        decision.IsRefused.ShouldBeFalse(decision.IsRefused ? decision.Errors[0].Nl : "");
        return (decision.Events, decision.Events.Aggregate(state, (s, e) => JointTender.Transition(s, e))!);
    }
}
