using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AwardLot;
using Aankopen.Worker.Notifications;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class FinanceMessageTests
{
    private static (JointTender Tender, LotAwarded Awarded) AwardedTender()
    {
        object[] history =
        [
            Opened("GEMEENTE", "OCMW"), Lot(1, vatRate: 21m),
            OptIn(1, "GEMEENTE", 60_000m, "0100/123-48"), OptIn(1, "OCMW", 40_000m, "0900/123-48"), Closed(), Published(), .. AllApproved,
        ];
        var awarded = (LotAwarded)AwardLotDecider.Decide(JointTender.Fold(history)!,
            new AwardLotCommand(1, "Cheques & Co NV", "0212.000.131", 95_000m, new(2027, 1, 1), new(2027, 12, 31), null, Cell), Now).Events[0];
        return (JointTender.Fold([.. history, awarded])!, awarded);
    }

    [Fact]
    public void Each_administration_gets_one_message_with_only_its_own_share()
    {
        var (tender, awarded) = AwardedTender();

        var messages = FinanceMessages.ForAward(tender, awarded, Guid.CreateVersion7(), "corr-1");

        messages.Select(m => m.AdministrationCode).ShouldBe(["GEMEENTE", "OCMW"]);
        var city = messages[0];
        city.ShareExclVat.ShouldBe(57_000m);
        city.ShareInclVat.ShouldBe(68_970m);
        city.BudgetLine.ShouldBe("0100/123-48");
        var ocmw = messages[1];
        ocmw.ShareExclVat.ShouldBe(38_000m);
        ocmw.BudgetLine.ShouldBe("0900/123-48");
        // Nothing of the other administration travels along.
        System.Text.Json.JsonSerializer.Serialize(ocmw).ShouldNotContain("0100/123-48");
        System.Text.Json.JsonSerializer.Serialize(ocmw).ShouldNotContain("57000");
        messages.ShouldAllBe(m => m.TenderReference == "AC-2027-001" && m.CorrelationId == "corr-1" && m.Supplier.Identifier == "0212.000.131");
    }

    [Fact]
    public void Message_ids_are_stable_per_event_and_administration()
    {
        var (tender, awarded) = AwardedTender();
        var eventId = Guid.CreateVersion7();

        var first = FinanceMessages.ForAward(tender, awarded, eventId, "a");
        var again = FinanceMessages.ForAward(tender, awarded, eventId, "b");
        var otherEvent = FinanceMessages.ForAward(tender, awarded, Guid.CreateVersion7(), "a");

        again.Select(m => m.MessageId).ShouldBe(first.Select(m => m.MessageId));
        first[0].MessageId.ShouldNotBe(first[1].MessageId);
        otherEvent[0].MessageId.ShouldNotBe(first[0].MessageId);
        first[0].MessageId.Version.ShouldBe(8);
    }
}
