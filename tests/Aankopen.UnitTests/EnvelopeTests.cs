using System.Text.Json;
using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.Renewals;
using Aankopen.Store.Notifications;
using Aankopen.Worker.Notifications;
using MassTransit.Serialization;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

/// <summary>
/// The envelope (message id, correlation id, addressee, tender and lot) is set in one place for every message type,
/// and a message that missed it never leaves: not from the relay, and not through a finance system's deserializer.
/// </summary>
public class EnvelopeTests
{
    private static readonly Guid EventId = Guid.Parse("01a20000-0000-7000-8000-0000000000bb");

    private static readonly object[] AwardedTender =
    [
        Opened("GEMEENTE", "OCMW"), Lot(1, vatRate: 21m), OptIn(1, "GEMEENTE", 60_000m, "0100/123-48"), OptIn(1, "OCMW", 40_000m, "0900/123-48"),
        Closed(), Published(),
        Awarded(1, new AwardShare("GEMEENTE", 57_000m, 68_970m, "0100/123-48"), new AwardShare("OCMW", 38_000m, 45_980m, "0900/123-48")),
    ];

    /// <summary>One event for each kind of tender message the relay builds.</summary>
    public static TheoryData<string> Events => ["opt-in", "award", "termination", "renewal-due", "renewal", "renewal-declined", "cancel"];

    private static IReadOnlyList<FinanceMessage> MessagesFor(string kind)
    {
        var awarded = JointTender.Fold(AwardedTender)!;
        var lot = awarded.Lots[1];
        var next = RenewalDeciders.NextShares(lot, lot.Running!);
        var (history, @event) = kind switch
        {
            "opt-in" => (AwardedTender[..4], (object)OptIn(1, "OCMW", 41_000m, "0900/123-48")),
            "cancel" => (AwardedTender[..4], new TenderCancelled(TenderId, "Budget", Cell, Now)),
            "award" => (AwardedTender[..6], AwardedTender[6]),
            "termination" => (AwardedTender, new LotTerminated(TenderId, 1, new DateOnly(2027, 6, 30), "Wanprestatie", Cell, Now)),
            "renewal-due" => (AwardedTender, new RenewalBecameDue(TenderId, 1, 1, new DateOnly(2027, 10, 2), new DateOnly(2028, 1, 1), Cell, Now, next.Shares)),
            "renewal" => (AwardedTender, new LotRenewed(TenderId, 1, 1, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31),
                next.ExclVat, 21m, next.InclVat, next.Shares, Cell, Now)),
            "renewal-declined" => (AwardedTender, new RenewalDeclined(TenderId, 1, 1, "OCMW", Cell, Now)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var before = JointTender.Fold(history)!;
        return FinanceMessages.For(new FinanceEvent(before, JointTender.Transition(before, @event)!, @event, EventId, "corr-1", Now));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_message_of_every_event_carries_its_addressee_tender_lot_and_derived_id(string kind)
    {
        var messages = MessagesFor(kind).Cast<TenderFinanceMessage>().ToArray();

        messages.ShouldNotBeEmpty();
        messages.ShouldAllBe(m => m.CorrelationId == "corr-1" && m.TenderId == TenderId && m.TenderReference == JointTender.Fold(AwardedTender)!.Reference
            && m.LotNumber == 1 && m.LotTitle == JointTender.Fold(AwardedTender)!.Lots[1].Title);
        // The id is the event's and the addressee's, and the lot's where one event releases several lots of one administration.
        foreach (var m in messages)
            m.MessageId.ShouldBe(MessageIds.For(EventId, kind == "cancel" ? $"{m.AdministrationCode}/{m.LotNumber}" : m.AdministrationCode));
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(messages.Length);
        foreach (var message in messages)
            Should.NotThrow(() => Envelope.EnsureSealed(message));
    }

    [Fact]
    public void A_message_built_without_its_envelope_stops_the_relay_instead_of_reaching_nobody()
    {
        var unsealed = new ReservationReleased
        {
            Reason = ReleaseReason.LotRemoved,
            BudgetLine = "0900/1",
            EffectiveOn = new DateOnly(2027, 1, 1),
            DecidedBy = Cell,
            DecidedAt = Now,
        };
        var sealedOne = new Envelope(EventId, "corr-1", "OCMW").Seal(unsealed, JointTender.Fold(AwardedTender)!, JointTender.Fold(AwardedTender)!.Lots[1]);

        Should.Throw<InvalidOperationException>(() => Envelope.EnsureSealed(unsealed)).Message.ShouldContain(nameof(ReservationReleased));
        Should.Throw<InvalidOperationException>(() => Envelope.EnsureSealed(sealedOne with { TenderId = Guid.Empty }));
        Should.Throw<InvalidOperationException>(() => Envelope.EnsureSealed(sealedOne with { AdministrationCode = "" }));
        Should.NotThrow(() => Envelope.EnsureSealed(sealedOne));
        sealedOne.ShouldSatisfyAllConditions(m => m.Reason.ShouldBe(ReleaseReason.LotRemoved), m => m.AdministrationCode.ShouldBe("OCMW"));
    }

    [Theory]
    [InlineData("messageId")]
    [InlineData("correlationId")]
    [InlineData("administrationCode")]
    [InlineData("tenderId")]
    [InlineData("lotNumber")]
    public void A_finance_system_refuses_a_message_whose_envelope_lacks_a_member(string member)
    {
        var options = SystemTextJsonMessageSerializer.Options;
        var message = MessagesFor("award")[0];
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(message, message.GetType(), options))!.AsObject();

        JsonSerializer.Deserialize<LotAwardedShare>(json.ToJsonString(), options).ShouldBe(message);
        json.Remove(member).ShouldBeTrue();
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<LotAwardedShare>(json.ToJsonString(), options)).Message.ShouldContain(member);
    }
}
