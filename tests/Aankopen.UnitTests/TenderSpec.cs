using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>Given(past events).When(decision).Then(new events) — decider tests without any I/O.</summary>
public sealed class TenderSpec
{
    private readonly object[] history;
    private Decision? decision;

    private TenderSpec(object[] history) => this.history = history;

    public static TenderSpec Given(params object[] events) => new(events);

    public TenderSpec When(Func<JointTender, Decision> decide)
    {
        var state = JointTender.Fold(history) ?? throw new InvalidOperationException("Given must start with TenderOpened.");
        decision = decide(state);
        return this;
    }

    public void Then(params object[] expected)
    {
        decision.ShouldNotBeNull();
        decision.Errors.ShouldBeEmpty();
        decision.Events.Count.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
            ShouldBeSameEvent(decision.Events[i], expected[i]);
    }

    public DomainError ThenRefused(string code, ErrorKind kind)
    {
        decision.ShouldNotBeNull();
        decision.Events.ShouldBeEmpty();
        var error = decision.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(code);
        error.Kind.ShouldBe(kind);
        error.Nl.ShouldNotBeNullOrWhiteSpace();
        error.Fr.ShouldNotBeNullOrWhiteSpace();
        return error;
    }

    /// <summary>Records with list members do not compare by value, so compare their JSON.</summary>
    private static void ShouldBeSameEvent(object actual, object expected)
    {
        actual.GetType().ShouldBe(expected.GetType());
        System.Text.Json.JsonSerializer.Serialize(actual, actual.GetType())
            .ShouldBe(System.Text.Json.JsonSerializer.Serialize(expected, expected.GetType()));
    }
}
